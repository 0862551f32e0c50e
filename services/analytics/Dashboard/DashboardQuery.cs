using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Recovery;
using StackExchange.Redis;

namespace Repitbot.Analytics.Dashboard;

/// <summary>
/// The dashboard answers from the Redis aggregates (a handful of pipelined reads) while they are trusted, and from
/// PostgreSQL's rollups while they are not (a loss detected, a rebuild pending or running) or Redis cannot be reached.
/// </summary>
public sealed partial class DashboardQuery(RealtimeReader reader, StoredTotals stored, AggregateTrust trust, TutorToday today,
    ILogger<DashboardQuery> logger)
{
    /// <summary>The last <paramref name="days"/> of the tutor's days including today, and the same span before it.</summary>
    public async Task<DashboardView> GetAsync(Guid? tutorId, int days, CancellationToken cancellationToken = default)
    {
        var (to, zone) = await today.OfAsync(tutorId, cancellationToken);
        var from = to.AddDays(1 - days);
        var (previousFrom, previousTo) = (from.AddDays(-days), from.AddDays(-1));
        Figures figures;
        if (trust.IsTrusted)
        {
            try
            {
                figures = await FromRedisAsync(tutorId, from, to, previousFrom, previousTo);
            }
            catch (RedisException ex)
            {
                LogRedisUnavailable(ex);
                figures = await FromPostgresAsync(tutorId, from, to, previousFrom, previousTo, cancellationToken);
            }
        }
        else
        {
            figures = await FromPostgresAsync(tutorId, from, to, previousFrom, previousTo, cancellationToken);
        }

        var (now, before) = (figures.Now, figures.Before);
        KpiValue Kpi(Counter counter) => KpiValue.Of(Get(now, counter.Name()), Get(before, counter.Name()));
        return new DashboardView(tutorId, days, from, to, Kpi(Counter.LessonsCompleted), Kpi(Counter.NoShows),
            Kpi(Counter.MinutesTaught), Attendance(now))
        {
            HoursTaught = KpiValue.Of(Get(now, Counter.MinutesTaught.Name()) / 60, Get(before, Counter.MinutesTaught.Name()) / 60),
            LessonsScheduled = Kpi(Counter.LessonsScheduled),
            LessonsCancelled = Kpi(Counter.LessonsCancelled),
            AttendanceRate = RateValue.Of(Attendance(now), Attendance(before)),
            ActiveStudents = KpiValue.Of(figures.Active, figures.ActiveBefore),
            NewStudents = Kpi(Counter.NewStudents),
            HomeworkAssigned = Kpi(Counter.HomeworkAssigned),
            HomeworkSubmitted = Kpi(Counter.HomeworkSubmitted),
            AverageScore = RateValue.Of(AverageScore(now), AverageScore(before)),
            MaterialsViewed = Kpi(Counter.MaterialsViewed),
            Revenue = Revenue(now, before),
            Source = figures.Source,
            TimeZone = zone,
        };
    }

    private async Task<Figures> FromRedisAsync(Guid? tutorId, DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo)
    {
        var current = reader.SumAsync(tutorId, from, to);
        var previous = reader.SumAsync(tutorId, previousFrom, previousTo);
        var active = reader.ActiveStudentsAsync(tutorId, from, to);
        var activeBefore = reader.ActiveStudentsAsync(tutorId, previousFrom, previousTo);
        await Task.WhenAll(current, previous, active, activeBefore);
        return new Figures(current.Result, previous.Result, active.Result, activeBefore.Result, DashboardSource.Redis);
    }

    private async Task<Figures> FromPostgresAsync(Guid? tutorId, DateOnly from, DateOnly to, DateOnly previousFrom, DateOnly previousTo,
        CancellationToken cancellationToken)
    {
        // One after another: each takes a pooled connection, and this path runs when the service is already under strain.
        var current = await stored.SumAsync(tutorId, from, to, cancellationToken);
        var previous = await stored.SumAsync(tutorId, previousFrom, previousTo, cancellationToken);
        var active = await stored.ActiveStudentsAsync(tutorId, from, to, cancellationToken);
        var activeBefore = await stored.ActiveStudentsAsync(tutorId, previousFrom, previousTo, cancellationToken);
        return new Figures(current, previous, active, activeBefore, DashboardSource.Postgres);
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

    [LoggerMessage(LogLevel.Warning, "Redis unavailable for the dashboard; answering from PostgreSQL")]
    private partial void LogRedisUnavailable(Exception exception);

    private sealed record Figures(Dictionary<string, long> Now, Dictionary<string, long> Before, long Active, long ActiveBefore,
        DashboardSource Source);
}
