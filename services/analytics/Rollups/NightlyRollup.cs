using Microsoft.Extensions.Options;

namespace Repitbot.Analytics.Rollups;

/// <summary>
/// Once a day at the configured UTC time: recompute yesterday's rollups (late events included) and the
/// retention cohorts. Both are idempotent, so a restart that runs them twice does no harm.
/// </summary>
public sealed class NightlyRollup(DayRollup days, RetentionCohorts cohorts, IOptions<RollupOptions> options,
    TimeProvider clock, ILogger<NightlyRollup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = NextRun(now, options.Value.TimeOfDay!.Value);
            await Task.Delay(next - now, clock, stoppingToken);
            await RunOnceAsync(DateOnly.FromDateTime(next.UtcDateTime).AddDays(-1), stoppingToken);
        }
    }

    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date + at.ToTimeSpan(), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    private async Task RunOnceAsync(DateOnly day, CancellationToken stoppingToken)
    {
        try
        {
            var report = await days.RecomputeAsync(day, stoppingToken);
            var cohortRows = await cohorts.RecomputeAsync(stoppingToken);
            RollupLog.NightlyDone(logger, day, report.Events, cohortRows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tomorrow's run (or POST /api/v1/admin/rollup) tries again; the service keeps ingesting.
            RollupLog.NightlyFailed(logger, day, ex);
        }
    }
}

internal static partial class RollupLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Nightly rollup recomputed {Day} from {Events} events and {CohortRows} retention rows")]
    public static partial void NightlyDone(ILogger logger, DateOnly day, int events, int cohortRows);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Nightly rollup of {Day} failed")]
    public static partial void NightlyFailed(ILogger logger, DateOnly day, Exception exception);
}
