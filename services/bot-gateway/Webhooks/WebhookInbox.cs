using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.Webhooks;

/// <summary>Stores an incoming delivery once per source and external id.</summary>
public static class WebhookInbox
{
    /// <summary>
    /// The new row's id, or null when the source already delivered <paramref name="externalId"/>. ON CONFLICT
    /// rather than catching the unique violation: a resend is normal, not an error for EF to log.
    /// </summary>
    public static async Task<long?> InsertAsync(BotGatewayDb db, string source, string externalId, string payload,
        DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var pending = nameof(WebhookStatus.Pending);
        var ids = await db.Database.SqlQuery<long>($"""
            INSERT INTO bot_gateway.webhook_messages (source, external_id, payload, status, attempts, received_at)
            VALUES ({source}, {externalId}, {payload}::jsonb, {pending}, 0, {receivedAt})
            ON CONFLICT (source, external_id) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
