using System.Text.Json.Nodes;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.Webhooks;

/// <summary>Applies a stored payload and records the result on its row; used on arrival and on replay.</summary>
public sealed class WebhookProcessor(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<WebhookMessage> ProcessAsync(long id, CancellationToken cancellationToken)
    {
        string? error;
        WebhookMessage row;
        // The use case gets a scope of its own, so a failed save there cannot undo the status update here.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotGatewayDb>();
            row = await db.WebhookMessages.FindAsync([id], cancellationToken)
                ?? throw new InvalidOperationException($"Webhook message {id} vanished.");
            error = JsonNode.Parse(row.Payload) is JsonObject payload
                ? await WebhookMappings.ApplyAsync(scope.ServiceProvider, row.Source, row.ExternalId, payload, cancellationToken)
                : "body: the payload is not a JSON object.";
        }

        await using var statusScope = scopes.CreateAsyncScope();
        var statusDb = statusScope.ServiceProvider.GetRequiredService<BotGatewayDb>();
        row = (await statusDb.WebhookMessages.FindAsync([id], cancellationToken))!;
        row.Attempts++;
        row.Status = error is null ? WebhookStatus.Processed : WebhookStatus.Failed;
        row.Error = error?[..Math.Min(error.Length, 2000)];
        row.ProcessedAt = clock.GetUtcNow();
        await statusDb.SaveChangesAsync(cancellationToken);
        return row;
    }
}
