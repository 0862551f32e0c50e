using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

/// <summary>A student in the students area: their current study level (null until a tutor sets one) and rating for the period.</summary>
public sealed record StudentStanding(Guid StudentId, string Name, string? Level, int? Rating, double? AttendancePercent,
    double? HomeworkScore, double? PunctualityPercent);

/// <summary>
/// Each student with a rated event in the period or a study level: the level is the latest StudentLevelChanged up
/// to the period's end; the rating is <see cref="StudentRating"/> over the period. Best rated first, unrated last.
/// </summary>
public sealed class StudentStandings(EventSql sql, Profiles profiles)
{
    public async Task<List<StudentStanding>> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var counts = await sql.ListAsync("""
            SELECT student_id,
                   count(*) FILTER (WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'),
                   count(*) FILTER (WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'NoShow'),
                   count(*) FILTER (WHERE type = 'LessonCancelled' AND payload->>'cancelledBy' IN ('Student', 'Parent')),
                   count(*) FILTER (WHERE type = 'LessonCancelled' AND payload->>'cancelledBy' IN ('Student', 'Parent')
                                    AND (payload->>'startsAt')::timestamptz < occurred_at + @late),
                   count(*) FILTER (WHERE type = 'HomeworkSubmitted'
                                    AND (payload->>'dueAt' IS NULL OR occurred_at <= (payload->>'dueAt')::timestamptz)),
                   count(*) FILTER (WHERE type = 'HomeworkSubmitted' AND occurred_at > (payload->>'dueAt')::timestamptz),
                   count(*) FILTER (WHERE type = 'HomeworkGraded'),
                   coalesce(sum((payload->>'score')::int) FILTER (WHERE type = 'HomeworkGraded'), 0)
            FROM analytics.events
            WHERE {scope} AND student_id IS NOT NULL AND {happenedInPeriod}
              AND type IN ('LessonCompleted', 'LessonCancelled', 'HomeworkSubmitted', 'HomeworkGraded')
            GROUP BY 1
            """, scope, period, r => (Student: r.GetGuid(0), Counts: new RatingCounts(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3),
            r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8))), ct, ("late", StudentRating.LateCancellation));
        var levels = await sql.ListAsync("""
            SELECT DISTINCT ON (student_id) student_id, payload->>'level'
            FROM analytics.events
            WHERE {scope} AND type = 'StudentLevelChanged' AND student_id IS NOT NULL AND occurred_at < @to
            ORDER BY student_id, occurred_at DESC, event_id
            """, scope, period, r => (Student: r.GetGuid(0), Level: r.GetString(1)), ct);

        var levelOf = levels.ToDictionary(l => l.Student, l => l.Level);
        var countsOf = counts.ToDictionary(c => c.Student, c => c.Counts);
        var students = countsOf.Keys.Union(levelOf.Keys).ToList();
        var names = await profiles.NamesAsync(students, ct);
        return students.Select(id =>
            {
                var score = countsOf.TryGetValue(id, out var c) ? StudentRating.Of(c) : new RatingScore(null, null, null, null);
                return new StudentStanding(id, StudentNames.Label(id, names), levelOf.GetValueOrDefault(id), score.Rating,
                    score.AttendancePercent, score.HomeworkScore, score.PunctualityPercent);
            })
            .OrderByDescending(s => s.Rating ?? -1).ThenBy(s => s.Name, StringComparer.CurrentCulture).ThenBy(s => s.StudentId)
            .ToList();
    }
}
