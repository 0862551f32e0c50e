using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.RateLimits;
using Repitbot.Gateway.Sessions;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Telegram;

public static class TelegramLoginApi
{
    /// <summary>A payload dated this far ahead of our clock is refused: Telegram's clock and ours agree closer than that.</summary>
    private static readonly TimeSpan FutureSkew = TimeSpan.FromSeconds(60);

    public static RouteGroupBuilder MapTelegramLoginApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/telegram", LoginAsync)
            .Accepts<TelegramWidgetUser>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Signs in with a Telegram Login Widget payload: an access token and a refresh token.");
        return auth;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        HttpContext context, IOptions<TelegramLoginOptions> options, ITelegramUserDirectory directory,
        RefreshTokens refreshTokens, TokenIssuer tokens, ClientRateLimiter limiter, TimeProvider clock)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.BotToken))
        {
            return OAuthProblem.Create(StatusCodes.Status503ServiceUnavailable, OAuthProblem.TemporarilyUnavailable,
                "Telegram sign-in is not configured on this gateway (Telegram__BotToken).");
        }

        var (fields, formErrors) = await AuthForm.ReadAsync(context.Request, context.RequestAborted);
        var (payload, errors) = fields is null ? (null, formErrors) : TelegramLoginPayload.Parse(fields);
        if (payload is null)
        {
            return OAuthProblem.Invalid(errors!, "The Telegram sign-in payload is invalid.");
        }

        // Counted per Telegram user before the signature is checked, so forging one person's sign-in is slow.
        if (await limiter.RejectAsync(context, $"telegram:{payload.UserId}") is { } limited)
        {
            return limited;
        }

        var now = clock.GetUtcNow();
        if (!payload.IsSignedWith(settings.BotToken))
        {
            return OAuthProblem.Unauthorized(OAuthProblem.InvalidGrant, "telegram_signature",
                "The Telegram sign-in payload is not signed by this bot.");
        }

        if (payload.AuthDate < now - settings.LoginMaxAge || payload.AuthDate > now + FutureSkew)
        {
            return OAuthProblem.Unauthorized(OAuthProblem.InvalidGrant, "telegram_stale",
                "The Telegram sign-in payload is too old; sign in again.",
                $"auth_date must be within {settings.LoginMaxAge.TotalSeconds:0} s of now.");
        }

        var user = await directory.FindAsync(payload.UserId, context.RequestAborted);
        var (subject, role, refusal) = Decide(user, payload.UserId, settings);
        if (refusal is not null)
        {
            return refusal;
        }

        var (family, refreshToken) = await refreshTokens.StartAsync(subject!, role!, "telegram", payload.UserId, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        var access = tokens.Issue("telegram", family.Subject, family.Role, SessionClaims.For(family));
        return TypedResults.Ok(tokens.Response(access, refreshToken));
    }

    /// <summary>
    /// The bot gateway's word decides: its user id becomes the subject and its role the role. Only tutors
    /// and students sign in with Telegram; operators and services use client credentials.
    /// </summary>
    private static (string? Subject, string? Role, ProblemHttpResult? Refusal) Decide(DirectoryAnswer user, long telegramUserId,
        TelegramLoginOptions settings) => user.Status switch
    {
        DirectoryStatus.Found when user.Role is Roles.Tutor or Roles.Student => (user.UserId.ToString(), user.Role, null),
        DirectoryStatus.Found => (null, null, Denied("This account cannot sign in with Telegram.")),
        DirectoryStatus.NotFound when settings.UnknownUsers == "student" =>
            (TelegramSubject.For(telegramUserId).ToString(), Roles.Student, null),
        DirectoryStatus.NotFound => (null, null, Denied("This Telegram account is not registered with Repitbot; start the bot first.")),
        _ => (null, null, OAuthProblem.Create(StatusCodes.Status503ServiceUnavailable, OAuthProblem.TemporarilyUnavailable,
            "Sign-in is unavailable right now; try again shortly.")),
    };

    private static ProblemHttpResult Denied(string title)
    {
        GatewayMetrics.AuthFailures.WithLabels("telegram_unknown_user").Inc();
        return OAuthProblem.Create(StatusCodes.Status403Forbidden, OAuthProblem.AccessDenied, title);
    }
}

/// <summary>For the OpenAPI document: the user object the widget hands to its callback, sent as it came.</summary>
public sealed record TelegramWidgetUser(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("photo_url")] string? PhotoUrl,
    [property: JsonPropertyName("auth_date")] long AuthDate,
    [property: JsonPropertyName("hash")] string Hash);
