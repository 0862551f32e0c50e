using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Dashboard;

public sealed class DashboardQuery(RealtimeCounters counters, TimeProvider clock)
{
    /// <summary>The last <paramref name="days"/> UTC days including today, and the same span before it.</summary>
    public async Task<DashboardView> GetAsync(Guid? tutorId, int days)
    {
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - days);
        var current = counters.SumAsync(tutorId, from, to);
        var previous = counters.SumAsync(tutorId, from.AddDays(-days), from.AddDays(-1));
        await Task.WhenAll(current, previous);
        return new DashboardView(tutorId, days, from, to,
            Kpi(current.Result.LessonsCompleted, previous.Result.LessonsCompleted),
            Kpi(current.Result.NoShows, previous.Result.NoShows),
            Kpi(current.Result.MinutesTaught, previous.Result.MinutesTaught),
            AttendanceRate(current.Result));
    }

    private static KpiValue Kpi(long value, long previous) =>
        new(value, previous, previous == 0 ? null : Math.Round((value - previous) * 100.0 / previous, 1));

    private static double? AttendanceRate(DailyCounters c)
    {
        var held = c.LessonsCompleted + c.NoShows;
        return held == 0 ? null : Math.Round(c.LessonsCompleted * 100.0 / held, 1);
    }
}

/// <summary>A KPI with the same figure for the previous period and the change in percent (null when there was none).</summary>
public sealed record KpiValue(long Value, long Previous, double? ChangePercent);

public sealed record DashboardView(Guid? TutorId, int Days, DateOnly From, DateOnly To, KpiValue LessonsCompleted,
    KpiValue NoShows, KpiValue MinutesTaught, double? AttendanceRatePercent);
