using Npgsql;
using Repitbot.Hosting.Workers;

namespace Repitbot.Notification.Observability;

/// <summary>
/// Keeps the backlog gauge (pending and scheduled rows) current from the database, so every instance
/// reports the shared backlog; a sample every 15 s is plenty for a dashboard.
/// </summary>
internal sealed class BacklogSampler(NpgsqlDataSource database, WorkerHeartbeats workers, ILogger<BacklogSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private static readonly string[] Statuses = ["Pending", "Scheduled"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var status in Statuses)
        {
            NotificationMetrics.Backlog.WithLabels(status.ToLowerInvariant()).Set(0);
        }

        var heartbeat = workers.Loop("notification-backlog-sampler", Interval);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
                heartbeat.Beat();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Before migrations ran, or the database is away: the gauge keeps its last value.
                Log.SampleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT status, count(*) FROM notification.deliveries WHERE status = ANY($1) GROUP BY status");
        command.Parameters.AddWithValue(Statuses);
        var counts = Statuses.ToDictionary(s => s, _ => 0L);
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
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Debug, "Sampling the notification backlog failed.")]
    public static partial void SampleFailed(ILogger logger, Exception exception);
}
