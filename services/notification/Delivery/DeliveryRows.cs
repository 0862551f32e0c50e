using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Delivery;

internal static class DeliveryRows
{
    /// <summary>Adds <paramref name="row"/> unless its idempotency key and channel exist; true when it was added.</summary>
    public static async Task<bool> InsertAsync(NotificationDb db, Delivery row, CancellationToken cancellationToken)
    {
        var channel = row.Channel.ToString();
        var status = row.Status.ToString();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, address, data,
                group_key, fallback_to_email, partition, attempts, last_error, occurred_at, due_at, created_at, updated_at)
            VALUES ({row.Id}, {row.IdempotencyKey}, {row.RecipientId}, {row.TemplateKey}, {channel}, {status}, {row.Address},
                CAST({row.Data} AS jsonb), {row.GroupKey}, {row.FallbackToEmail}, {row.Partition}, 0, {row.LastError}, {row.OccurredAt},
                {row.DueAt}, {row.CreatedAt}, {row.UpdatedAt})
            ON CONFLICT (idempotency_key, channel) DO NOTHING
            """, cancellationToken);
        return inserted == 1;
    }

    /// <summary>Withdraws what is still waiting in a group (a moved or cancelled lesson's reminders).</summary>
    public static Task<int> WithdrawAsync(NotificationDb db, string groupKey, string type, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE notification.deliveries SET status = 'Suppressed', last_error = {reason}, updated_at = {now}
            WHERE group_key = {groupKey} AND template_key = {type} AND status IN ('Pending', 'Scheduled')
            """, cancellationToken);
}
