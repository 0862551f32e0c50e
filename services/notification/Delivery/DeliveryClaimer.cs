using Npgsql;
using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Takes the next due row of one channel for this worker. SKIP LOCKED lets any number of workers and
/// instances claim side by side without taking the same row; the lease frees it if the worker dies.
/// </summary>
public sealed class DeliveryClaimer(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<Guid?> ClaimAsync(NotificationChannel channel, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = database.CreateCommand("""
            UPDATE notification.deliveries SET status = 'Sending', locked_until = $3, attempts = attempts + 1, updated_at = $2
            WHERE id = (
                SELECT id FROM notification.deliveries
                WHERE channel = $1 AND due_at <= $2
                  AND (status IN ('Pending', 'Scheduled') OR (status = 'Sending' AND locked_until < $2))
                ORDER BY due_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        command.Parameters.AddWithValue(channel.ToString());
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
