using Microsoft.Extensions.Options;
using Npgsql;
using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Takes the next due rows of one channel. SKIP LOCKED lets any number of instances claim side by side
/// without taking the same row; the lease frees a row again if its instance dies mid-send.
/// </summary>
public sealed class DeliveryClaimer(NpgsqlDataSource database, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    public async Task<List<Guid>> ClaimAsync(NotificationChannel channel, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = database.CreateCommand("""
            UPDATE notification.deliveries SET status = 'Sending', locked_until = $3, attempts = attempts + 1, updated_at = $2
            WHERE id IN (
                SELECT id FROM notification.deliveries
                WHERE partition = $5 AND channel = $1 AND due_at <= $2
                  AND (status IN ('Pending', 'Scheduled') OR (status = 'Sending' AND locked_until < $2))
                  AND (group_key IS NULL OR group_key NOT LIKE 'digest:%')
                ORDER BY due_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        command.Parameters.AddWithValue(channel.ToString());
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(options.Value.Partition);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
