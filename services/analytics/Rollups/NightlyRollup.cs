using Microsoft.Extensions.Options;
using Repitbot.Hosting.Workers;

namespace Repitbot.Analytics.Rollups;

/// <summary>
/// Once a day at the configured UTC time: recompute yesterday's rollups (late events included; the tutors' own
/// yesterday, which has ended by then in every zone east of UTC−2:30, and for the others a late event still counts
/// as it arrives) and the retention cohorts. Both are idempotent, so a restart that runs them twice does no harm. A run that fails
/// (PostgreSQL away) is tried again with growing pauses until it succeeds, and shows in readiness meanwhile.
/// </summary>
public sealed class NightlyRollup(DayRollup days, RetentionCohorts cohorts, IOptions<RollupOptions> options,
    TimeProvider clock, WorkerHeartbeats workers, ILogger<NightlyRollup> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var heartbeat = workers.OnDemand("analytics-nightly-rollup", TimeSpan.FromMinutes(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = NextRun(now, options.Value.TimeOfDay!.Value);
            await Task.Delay(next - now, clock, stoppingToken);
            using var work = heartbeat.BeginWork();
            var day = DateOnly.FromDateTime(next.UtcDateTime).AddDays(-1);
            for (var delay = FirstRetryDelay; !await RunOnceAsync(day, stoppingToken); delay = Min(delay * 2, LongestRetryDelay))
            {
                await Task.Delay(delay, clock, stoppingToken);
            }

            heartbeat.Beat();
        }
    }

    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date + at.ToTimeSpan(), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<bool> RunOnceAsync(DateOnly day, CancellationToken stoppingToken)
    {
        try
        {
            var report = await days.RecomputeAsync(day, stoppingToken);
            var cohortRows = await cohorts.RecomputeAsync(stoppingToken);
            RollupLog.NightlyDone(logger, day, report.Events, cohortRows);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Tried again shortly (or POST /api/v1/admin/rollup); the service keeps ingesting meanwhile.
            RollupLog.NightlyFailed(logger, day, ex);
            return false;
        }
    }
}

internal static partial class RollupLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Nightly rollup recomputed {Day} from {Events} events and {CohortRows} retention rows")]
    public static partial void NightlyDone(ILogger logger, DateOnly day, int events, int cohortRows);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Nightly rollup of {Day} failed; trying again shortly")]
    public static partial void NightlyFailed(ILogger logger, DateOnly day, Exception exception);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Recomputed the queued day {Day}")]
    public static partial void Redone(ILogger logger, DateOnly day);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Recomputing a queued day failed; it stays queued")]
    public static partial void RedoFailed(ILogger logger, Exception exception);
}
