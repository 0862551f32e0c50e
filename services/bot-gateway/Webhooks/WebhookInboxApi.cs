using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;

namespace Repitbot.BotGateway.Webhooks;

public sealed record WebhookInboxItem(long Id, string Source, string ExternalId, string Status, string? Error, int Attempts,
    DateTimeOffset ReceivedAt, DateTimeOffset? ProcessedAt, string Payload);

/// <summary>For admins: what did not go through (pending or failed), and a replay once the cause is fixed.</summary>
public static class WebhookInboxApi
{
    public static IEndpointRouteBuilder MapWebhookInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks/inbox").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("Lists pending and failed webhook deliveries, oldest first.");
        group.MapPost("/{id:long}/replay", ReplayAsync).WithSummary("Applies a stored delivery again.");
        return app;
    }

    private static async Task<Results<Ok<List<WebhookInboxItem>>, ValidationProblem>> ListAsync(BotGatewayDb db,
        string? status, string? source, int? limit, CancellationToken cancellationToken)
    {
        WebhookStatus[] wanted = status switch
        {
            null or "" => [WebhookStatus.Pending, WebhookStatus.Failed],
            "pending" => [WebhookStatus.Pending],
            "failed" => [WebhookStatus.Failed],
            _ => [],
        };
        if (wanted.Length == 0 || limit is < 1 or > 500)
        {
            return wanted.Length == 0
                ? FieldProblem.Of("status", "status must be pending or failed.")
                : FieldProblem.Of("limit", "limit must be 1–500.");
        }

        var items = await db.WebhookMessages.AsNoTracking()
            .Where(w => wanted.Contains(w.Status) && (source == null || w.Source == source))
            .OrderBy(w => w.Id).Take(limit ?? 100)
            .Select(w => new WebhookInboxItem(w.Id, w.Source, w.ExternalId, w.Status.ToString().ToLower(), w.Error, w.Attempts,
                w.ReceivedAt, w.ProcessedAt, w.Payload))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReplayAsync(long id, BotGatewayDb db,
        WebhookProcessor processor, CancellationToken cancellationToken)
    {
        if (!await db.WebhookMessages.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Webhook message {id} was not found.");
        }

        return TypedResults.Ok(WebhooksApi.Receipt(await processor.ProcessAsync(id, cancellationToken)));
    }
}
