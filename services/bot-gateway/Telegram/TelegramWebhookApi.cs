using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Errors;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Repitbot.BotGateway.Telegram;

public static class TelegramWebhookApi
{
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/telegram/webhook", ReceiveAsync).WithTags("Telegram").AllowAnonymous()
            .WithSummary($"Telegram updates in webhook mode; requests without the right {TelegramOptions.SecretHeader} are refused.");
        return app;
    }

    private static async Task<Results<Ok, ProblemHttpResult, ValidationProblem>> ReceiveAsync(HttpContext http,
        IOptions<TelegramOptions> options, UpdateProcessor processor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode != TelegramMode.Webhook)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The bot is not in webhook mode.");
        }

        if (!SecretMatches(http.Request.Headers[TelegramOptions.SecretHeader], settings.WebhookSecret!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: $"{TelegramOptions.SecretHeader} is missing or wrong.");
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return FieldProblem.Of("body", ex.Message, "The body is not a Telegram update.");
        }

        if (update is null || update.Id <= 0)
        {
            return FieldProblem.Of("update_id", "update_id is required.", "The body is not a Telegram update.");
        }

        await processor.ProcessAsync(update, cancellationToken);
        return TypedResults.Ok();
    }

    private static bool SecretMatches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
