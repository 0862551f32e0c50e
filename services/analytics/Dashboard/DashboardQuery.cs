using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;

namespace Repitbot.Analytics.Dashboard;

/// <summary>The dashboard answers from Redis alone (a handful of pipelined reads), never from the event table.</summary>
public sealed class DashboardQuery(RealtimeReader reader, TimeProvider clock)
{
    /// <summary>The last <paramref name="days"/> UTC days including today, and the same span before it.</summary>
    public async Task<DashboardView> GetAsync(Guid? tutorId, int days)
    {
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - days);
        var (previousFrom, previousTo) = (from.AddDays(-days), from.AddDays(-1));
        var current = reader.SumAsync(tutorId, from, to);
        var previous = reader.SumAsync(tutorId, previousFrom, previousTo);
        var active = reader.ActiveStudentsAsync(tutorId, from, to);
        var activeBefore = reader.ActiveStudentsAsync(tutorId, previousFrom, previousTo);
        await Task.WhenAll(current, previous, active, activeBefore);
        var (now, before) = (current.Result, previous.Result);

        KpiValue Kpi(Counter counter) => KpiValue.Of(Get(now, counter.Name()), Get(before, counter.Name()));
        return new DashboardView(tutorId, days, from, to, Kpi(Counter.LessonsCompleted), Kpi(Counter.NoShows),
            Kpi(Counter.MinutesTaught), Attendance(now))
        {
            HoursTaught = KpiValue.Of(Get(now, Counter.MinutesTaught.Name()) / 60, Get(before, Counter.MinutesTaught.Name()) / 60),
            LessonsScheduled = Kpi(Counter.LessonsScheduled),
            LessonsCancelled = Kpi(Counter.LessonsCancelled),
            AttendanceRate = RateValue.Of(Attendance(now), Attendance(before)),
            ActiveStudents = KpiValue.Of(active.Result, activeBefore.Result),
            NewStudents = Kpi(Counter.NewStudents),
            HomeworkAssigned = Kpi(Counter.HomeworkAssigned),
            HomeworkSubmitted = Kpi(Counter.HomeworkSubmitted),
            AverageScore = RateValue.Of(AverageScore(now), AverageScore(before)),
            MaterialsViewed = Kpi(Counter.MaterialsViewed),
            Revenue = Revenue(now, before),
        };
    }

    private static long Get(Dictionary<string, long> totals, string field) => totals.GetValueOrDefault(field);

    private static double? Attendance(Dictionary<string, long> t)
    {
        var held = Get(t, Counter.LessonsCompleted.Name()) + Get(t, Counter.NoShows.Name());
        return held == 0 ? null : Math.Round(Get(t, Counter.LessonsCompleted.Name()) * 100.0 / held, 1);
    }

    private static double? AverageScore(Dictionary<string, long> t)
    {
        var graded = Get(t, Counter.HomeworkGraded.Name());
        return graded == 0 ? null : Math.Round(Get(t, Counter.HomeworkScoreSum.Name()) / (double)graded, 1);
    }

    private static List<RevenueValue> Revenue(Dictionary<string, long> now, Dictionary<string, long> before) =>
        now.Keys.Concat(before.Keys)
            .Where(k => k.StartsWith("received:", StringComparison.Ordinal) || k.StartsWith("refunded:", StringComparison.Ordinal))
            .Select(k => k[(k.IndexOf(':') + 1)..]).Distinct().Order(StringComparer.Ordinal)
            .Select(currency =>
            {
                var (received, refunded) = (RedisKeys.Received(currency), RedisKeys.Refunded(currency));
                return new RevenueValue(currency,
                    KpiValue.Of(Get(now, received) - Get(now, refunded), Get(before, received) - Get(before, refunded)),
                    KpiValue.Of(Get(now, received), Get(before, received)),
                    KpiValue.Of(Get(now, refunded), Get(before, refunded)));
            })
            .ToList();
}
