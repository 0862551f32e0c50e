using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Observability;
using Repitbot.Hosting.Errors;

namespace Repitbot.BotGateway.Webhooks;

public sealed record WebhookReceipt(long Id, string Source, string ExternalId, string Status, string? Error);

/// <summary>Intake for course platforms and automation tools: signed, replay-protected, stored raw, deduplicated.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/webhooks/{source}", ReceiveAsync).WithTags("Webhooks").AllowAnonymous()
            .WithSummary($"Receives a signed event ({WebhookSignature.Header}: t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>).");
        return app;
    }

    private static async Task<Results<Accepted<WebhookReceipt>, Ok<WebhookReceipt>, ProblemHttpResult, ValidationProblem>> ReceiveAsync(
        string source, HttpContext http, IOptions<WebhookOptions> options, BotGatewayDb db, WebhookProcessor processor,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Find(source) is not { } known)
        {
            return Count("unknown", "unknown_source", TypedResults.Problem(statusCode: 404, title: $"Unknown webhook source '{source}'."));
        }

        var body = await ReadLimitedAsync(http.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Count(source, "too_large", TypedResults.Problem(statusCode: 413,
                title: $"The body exceeds {settings.MaxBodyBytes} bytes."));
        }

        var verdict = WebhookSignature.Check(http.Request.Headers[WebhookSignature.Header], known.Secret!, body,
            clock.GetUtcNow(), TimeSpan.FromSeconds(settings.ReplayWindowSeconds));
        if (verdict != WebhookSignature.Verdict.Valid)
        {
            return Count(source, "unauthorized", TypedResults.Problem(statusCode: 401, title: verdict switch
            {
                WebhookSignature.Verdict.Missing => $"{WebhookSignature.Header} is missing or malformed.",
                WebhookSignature.Verdict.Stale => "The signature's timestamp is outside the replay window.",
                _ => "The signature does not match.",
            }));
        }

        if (Parse(body) is not { } payload || payload["id"] is not JsonValue idValue
            || idValue.GetValueKind() != JsonValueKind.String || idValue.GetValue<string>() is not { Length: > 0 and <= 200 } externalId)
        {
            return Count(source, "invalid", FieldProblem.Of(
                "id", "The body must be a JSON object with a string \"id\" of 1–200 characters.", "The webhook body is invalid."));
        }

        long? id;
        try
        {
            id = await WebhookInbox.InsertAsync(db, source, externalId, payload.ToJsonString(), clock.GetUtcNow(), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // PostgreSQL's jsonb refuses some valid JSON (a \u0000 in a string): a data exception, the sender's
            // to fix. Any other database error is ours and must not be answered as the sender's mistake.
            return Count(source, "invalid", FieldProblem.Of("body", "The payload cannot be stored (e.g. it contains \\u0000)."));
        }

        if (id is null)
        {
            var earlier = await db.WebhookMessages.AsNoTracking()
                .FirstAsync(w => w.Source == source && w.ExternalId == externalId, cancellationToken);
            return Count(source, "duplicate", TypedResults.Ok(new WebhookReceipt(earlier.Id, source, externalId, "duplicate", null)));
        }

        var processed = await processor.ProcessAsync(id.Value, cancellationToken);
        return Count(source, processed.Status == WebhookStatus.Processed ? "processed" : "failed",
            TypedResults.Accepted((string?)null, Receipt(processed)));
    }

    public static WebhookReceipt Receipt(WebhookMessage row) =>
        new(row.Id, row.Source, row.ExternalId, row.Status.ToString().ToLowerInvariant(), row.Error);

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static T Count<T>(string source, string result, T response)
    {
        BotMetrics.Webhooks.WithLabels(source, result).Inc();
        return response;
    }
}
