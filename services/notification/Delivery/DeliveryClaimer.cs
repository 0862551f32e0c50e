using Microsoft.Extensions.Options;
using Npgsql;
using Repitbot.Contracts;
using Repitbot.Notification.Observability;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Takes the next due rows of one channel. SKIP LOCKED lets any number of instances claim side by side
/// without taking the same row; the lease frees a row again if its instance dies mid-send.
/// </summary>
public sealed class DeliveryClaimer(NpgsqlDataSource database, TimeProvider clock, IOptions<DeliveryOptions> options,
    ILogger<DeliveryClaimer> logger)
{
    public async Task<List<Guid>> ClaimAsync(NotificationChannel channel, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A row still 'Sending' had its lease run out: the instance that held it died or hung before recording an
        // outcome. It is sent again (a reader must not miss it), and counted, because the first try may have arrived.
        // The status test repeats ix_deliveries_due's own predicate and leaves the OR to a filter: PostgreSQL then walks
        // that index in due_at order and marks the entries of sent rows dead as it passes them. Written as one OR, it
        // was a bitmap scan, which never marks them, so every claim stepped over all the rows sent since the last vacuum.
        await using var command = database.CreateCommand("""
            UPDATE notification.deliveries d
            SET status = 'Sending', locked_until = $3, attempts = d.attempts + 1, updated_at = $2,
                lease_expirations = d.lease_expirations + CASE WHEN due.retaken THEN 1 ELSE 0 END
            FROM (
                SELECT id, status = 'Sending' AS retaken FROM notification.deliveries
                WHERE partition = $5 AND channel = $1 AND due_at <= $2
                  AND status IN ('Pending', 'Scheduled', 'Sending') AND (status <> 'Sending' OR locked_until < $2)
                  AND (group_key IS NULL OR group_key NOT LIKE 'digest:%')
                ORDER BY due_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, due.retaken
            """);
        command.Parameters.AddWithValue(channel.ToString());
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(options.Value.Partition);
        var ids = new List<Guid>();
        var retaken = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
            retaken += reader.GetBoolean(1) ? 1 : 0;
        }

        if (retaken > 0)
        {
            NotificationMetrics.LeaseExpirations.WithLabels(Names.ChannelNames.Of(channel)).Inc(retaken);
            Log.LeaseExpired(logger, retaken, channel);
        }

        return ids;
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "{Count} {Channel} deliveries were claimed again after their lease ran out with no outcome recorded; "
        + "an earlier attempt may have reached the reader, so they may arrive twice.")]
    public static partial void LeaseExpired(ILogger logger, int count, NotificationChannel channel);
}
