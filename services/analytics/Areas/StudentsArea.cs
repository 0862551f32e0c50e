using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record RetentionCohort(DateOnly Week, long Students, IReadOnlyList<double> RetainedPercent);

/// <summary><see cref="Name"/>: the display name analytics knows from the student's profile events, else the start of the id.</summary>
public sealed record ChurnRisk(Guid StudentId, string Name, DateOnly LastLesson, int DaysSinceLastLesson, long LessonsLast4Weeks,
    long LessonsPrevious4Weeks, int Score, string Segment);

public sealed record StudentsReport(Period Period, long NewStudents, long Dau, long Wau, long Mau, double? StickinessPercent,
    IReadOnlyList<RetentionCohort> Cohorts, IReadOnlyList<ChurnRisk> ChurnRisk, IReadOnlyList<StudentStanding> Students);

/// <summary>
/// Activity is any event naming the student, on the day it happened (<see cref="Ingestion.HappenedAt"/>). Windows end with the period's last day: DAU that day,
/// WAU the last 7 days, MAU the last 30; stickiness is the average DAU over those 30 days against MAU.
/// Cohorts are students by the week of their first attended lesson; retention is the share of a
/// cohort with an attended lesson in each later week (up to <see cref="MaxWeeks"/>). Students lists each
/// student's study level and rating (<see cref="StudentStandings"/>).
/// </summary>
public sealed class StudentsArea(EventSql sql, Profiles profiles, StudentStandings standings)
{
    public const int MaxWeeks = 12;

    public async Task<StudentsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null)
    {
        var cohortsTask = CohortsAsync(scope, period, ct, memo);
        var churnTask = ChurnAsync(scope, period, ct);
        var standingsTask = standings.GetAsync(scope, period, ct);
        var activity = (await sql.ListAsync("""
            WITH firsts AS (SELECT student_id, min({happened}) AS first FROM analytics.events
                            WHERE {scope} AND student_id IS NOT NULL AND {happened} < @to GROUP BY 1),
            recent AS (SELECT student_id, {happened} AS at FROM analytics.events
                       WHERE {scope} AND student_id IS NOT NULL AND occurred_at >= @to - interval '30 days'
                         AND {happened} >= @to - interval '30 days' AND {happened} < @to)
            SELECT (SELECT count(*) FROM firsts WHERE first >= @from),
                   count(DISTINCT student_id) FILTER (WHERE at >= @to - interval '1 day'),
                   count(DISTINCT student_id) FILTER (WHERE at >= @to - interval '7 days'),
                   count(DISTINCT student_id),
                   count(DISTINCT (student_id, (at AT TIME ZONE @tz)::date))
            FROM recent
            """, scope, period, r => (New: r.GetInt64(0), Dau: r.GetInt64(1), Wau: r.GetInt64(2), Mau: r.GetInt64(3),
            StudentDays: r.GetInt64(4)), ct)).Single();
        var (cohorts, churn, students) = (await cohortsTask, await churnTask, await standingsTask);
        var stickiness = activity.Mau == 0 ? (double?)null : Math.Round(activity.StudentDays / 30.0 * 100 / activity.Mau, 1);
        return new StudentsReport(period, activity.New, activity.Dau, activity.Wau, activity.Mau, stickiness, cohorts, churn, students);
    }

    public Task<List<RetentionCohort>> CohortsAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"students-cohorts:{period.From}:{period.To}", () => LoadCohortsAsync(scope, period, ct));

    private async Task<List<RetentionCohort>> LoadCohortsAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var cells = await sql.ListAsync("""
            WITH lessons AS (
                SELECT DISTINCT student_id, date_trunc('week', {happened} AT TIME ZONE @tz)::date AS week
                FROM analytics.events
                WHERE {scope} AND type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'
                  AND student_id IS NOT NULL AND {happened} < @to),
            firsts AS (SELECT student_id, min(week) AS cohort FROM lessons GROUP BY 1)
            SELECT f.cohort, (l.week - f.cohort) / 7, count(*)
            FROM firsts f JOIN lessons l USING (student_id)
            WHERE f.cohort >= date_trunc('week', @from AT TIME ZONE @tz)::date
            GROUP BY 1, 2
            """, scope, period, r => (Cohort: DateOnly.FromDateTime(r.GetDateTime(0)), Offset: r.GetInt32(1), Count: r.GetInt64(2)), ct);
        var lastWeek = new Period(period.To, period.To, GroupBy.Week).BucketOf(period.To);
        return cells.GroupBy(c => c.Cohort).OrderBy(g => g.Key).Select(g =>
        {
            var size = g.Where(c => c.Offset == 0).Sum(c => c.Count);
            var weeks = Math.Min(MaxWeeks, (lastWeek.DayNumber - g.Key.DayNumber) / 7);
            var retained = Enumerable.Range(0, weeks + 1)
                .Select(w => Rates.Percent(g.Where(c => c.Offset == w).Sum(c => c.Count), size) ?? 0).ToList();
            return new RetentionCohort(g.Key, size, retained);
        }).ToList();
    }

    // The whole history's attended lessons: read from ix_events_attended alone (student, happened_at, tutor), since
    // happened_at is a stored column. Computed from the payload it parsed every lesson's JSON: 3.2 s over the bench's
    // million events, 0.53 s now.
    private async Task<List<ChurnRisk>> ChurnAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            SELECT student_id, max({happened}),
                   count(*) FILTER (WHERE {happened} >= @to - interval '28 days'),
                   count(*) FILTER (WHERE {happened} >= @to - interval '56 days' AND {happened} < @to - interval '28 days')
            FROM analytics.events
            WHERE {scope} AND type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'
              AND student_id IS NOT NULL AND {happened} < @to
            GROUP BY 1
            """, scope, period, r => (Student: r.GetGuid(0), Last: r.GetFieldValue<DateTimeOffset>(1), Recent: r.GetInt64(2),
            Previous: r.GetInt64(3)), ct);
        var names = await profiles.NamesAsync(rows.Select(r => r.Student), ct);
        return rows.Select(r =>
        {
            var last = TutorDays.LocalDay(r.Last, period.TimeZone);
            var idle = period.To.DayNumber - last.DayNumber;
            var score = ChurnScore.Of(idle, r.Recent, r.Previous);
            return new ChurnRisk(r.Student, StudentNames.Label(r.Student, names), last, idle, r.Recent, r.Previous, score, ChurnScore.Segment(score));
        }).OrderByDescending(c => c.Score).ThenBy(c => c.StudentId).ToList();
    }
}
