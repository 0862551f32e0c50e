using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Prometheus;
using Repitbot.Analytics.Realtime;

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
/// </summary>
public sealed class ActiveUsersGauge(RealtimeReader reader, IOptions<MetricsOptions> options, TimeProvider clock,
    ILogger<ActiveUsersGauge> logger) : BackgroundService
{
    private static readonly Gauge ActiveUsers = Metrics.CreateGauge("repitbot_analytics_active_users",
        "Distinct users (tutors and students) active in the window, UTC days including today.", "window");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ActiveUsersInterval, clock);
        do
        {
            try
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                foreach (var (window, days) in new[] { ("dau", 1), ("wau", 7), ("mau", 30) })
                {
                    ActiveUsers.WithLabels(window).Set(await reader.ActiveUsersAsync(today.AddDays(1 - days), today));
                }
            }
            catch (StackExchange.Redis.RedisException ex)
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
