using Npgsql;
using Prometheus;

namespace Repitbot.Notification.Observability;

/// <summary>Reads the backlog gauge from the database when Prometheus scrapes, so it is right across instances.</summary>
internal static class BacklogGauge
{
    public static void Register(NpgsqlDataSource database) => Metrics.DefaultRegistry.AddBeforeCollectCallback(async cancellationToken =>
    {
        try
        {
            await using var command = database.CreateCommand("""
                SELECT status, count(*) FROM notification.deliveries WHERE status IN ('Pending', 'Scheduled') GROUP BY status
                """);
            var counts = new Dictionary<string, long> { ["Pending"] = 0, ["Scheduled"] = 0 };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            foreach (var (status, count) in counts)
            {
                NotificationMetrics.Backlog.WithLabels(status.ToLowerInvariant()).Set(count);
            }
        }
        catch (NpgsqlException)
        {
            // The scrape still answers; the gauge keeps its last value while the database is away.
        }
    });
}
