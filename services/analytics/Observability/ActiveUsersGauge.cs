using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Prometheus;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Recovery;
using Repitbot.Hosting.Workers;

namespace Repitbot.Analytics.Observability;

/// <summary>Settings under <c>Analytics:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Analytics:Metrics";

    /// <summary>How often the active-user gauge is read from Redis.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ActiveUsersInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the result cache's size is sampled from Redis (a SCAN over its keys).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan CacheSizeInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// <c>repitbot_analytics_active_users{window}</c>: distinct tutors and students active today (dau), in
/// the last 7 days (wau) and 30 days (mau), from the per-day HyperLogLogs (a union costs one PFCOUNT).
/// While the aggregates are not trusted (a loss, until the rebuild) the gauge keeps its last values.
/// </summary>
public sealed class ActiveUsersGauge(RealtimeReader reader, AggregateTrust trust, IOptions<MetricsOptions> options, TimeProvider clock,
    WorkerHeartbeats workers, ILogger<ActiveUsersGauge> logger) : BackgroundService
{
    private static readonly Gauge ActiveUsers = Metrics.CreateGauge("repitbot_analytics_active_users",
        "Distinct users (tutors and students) active in the window, UTC days including today.", "window");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = workers.Loop("analytics-active-users", options.Value.ActiveUsersInterval);
        using var timer = new PeriodicTimer(options.Value.ActiveUsersInterval, clock);
        do
        {
            if (!trust.IsTrusted)
            {
                heartbeat.Beat(); // waiting for the rebuild on purpose, not stuck
                continue;
            }

            try
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                foreach (var (window, days) in new[] { ("dau", 1), ("wau", 7), ("mau", 30) })
                {
                    ActiveUsers.WithLabels(window).Set(await reader.ActiveUsersAsync(today.AddDays(1 - days), today));
                }

                heartbeat.Beat();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Redis away: keep the last values and try again at the next tick.
                MetricsLog.ActiveUsersFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Reading active users from Redis failed")]
    public static partial void ActiveUsersFailed(ILogger logger, Exception exception);
}
