using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record HomeworkPoint(DateOnly Period, long Assigned, long Submitted, long Graded, double? AverageScore);

public sealed record HomeworkReport(Period Period, long Assigned, long Submitted, long SubmittedOnTime, long Graded,
    double? SubmissionRatePercent, double? OnTimeRatePercent, double? AverageScore, double? SuccessRatePercent,
    long[] ScoreHistogram, IReadOnlyList<HomeworkPoint> Series);

/// <summary>
/// Submission rate: homework assigned in the period that has been submitted (by the period's end).
/// On time: submitted no later than its due time (or without one). Success: a grade of at least
/// <see cref="PassingScore"/>. The histogram counts grades in tens (0–9, …, 90–100).
/// </summary>
public sealed class HomeworkArea(EventSql sql)
{
    public const int PassingScore = 60;

    public Task<HomeworkReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"homework:{period.From}:{period.To}:{period.Bucket}", () => LoadAsync(scope, period, ct));

    private async Task<HomeworkReport> LoadAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            SELECT date_trunc(@bucket, occurred_at AT TIME ZONE @tz)::date,
                   count(*) FILTER (WHERE type = 'HomeworkAssigned'),
                   count(*) FILTER (WHERE type = 'HomeworkSubmitted'),
                   count(*) FILTER (WHERE type = 'HomeworkSubmitted' AND (payload->>'dueAt' IS NULL OR occurred_at <= (payload->>'dueAt')::timestamptz)),
                   count(*) FILTER (WHERE type = 'HomeworkGraded'),
                   sum((payload->>'score')::int) FILTER (WHERE type = 'HomeworkGraded'),
                   count(*) FILTER (WHERE type = 'HomeworkGraded' AND (payload->>'score')::int >= 60)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to
              AND type IN ('HomeworkAssigned', 'HomeworkSubmitted', 'HomeworkGraded')
            GROUP BY 1
            """, scope, period, r => (Bucket: DateOnly.FromDateTime(r.GetDateTime(0)), Assigned: r.GetInt64(1), Submitted: r.GetInt64(2),
            OnTime: r.GetInt64(3), Graded: r.GetInt64(4), ScoreSum: r.IsDBNull(5) ? 0 : r.GetInt64(5), Passed: r.GetInt64(6)), ct);
        var assignedSubmitted = (await sql.ListAsync("""
            SELECT count(DISTINCT a.payload->>'homeworkId') FROM analytics.events a
            WHERE {scope:a.} AND a.type = 'HomeworkAssigned' AND a.occurred_at >= @from AND a.occurred_at < @to
              AND EXISTS (SELECT 1 FROM analytics.events s WHERE s.tutor_id = a.tutor_id AND s.type = 'HomeworkSubmitted'
                          AND s.payload->>'homeworkId' = a.payload->>'homeworkId' AND s.occurred_at < @to)
            """, scope, period, r => r.GetInt64(0), ct)).Single();
        var histogram = new long[10];
        foreach (var bin in await sql.ListAsync("""
            SELECT least((payload->>'score')::int / 10, 9), count(*) FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to AND type = 'HomeworkGraded'
            GROUP BY 1
            """, scope, period, r => (Bin: r.GetInt32(0), Count: r.GetInt64(1)), ct))
        {
            histogram[Math.Clamp(bin.Bin, 0, 9)] += bin.Count;
        }

        var byBucket = rows.ToDictionary(r => r.Bucket);
        var series = period.Buckets().Select(b => byBucket.TryGetValue(b, out var r)
            ? new HomeworkPoint(b, r.Assigned, r.Submitted, r.Graded, r.Graded == 0 ? null : Math.Round((double)r.ScoreSum / r.Graded, 1))
            : new HomeworkPoint(b, 0, 0, 0, null)).ToList();
        var (assigned, submitted, onTime) = (rows.Sum(r => r.Assigned), rows.Sum(r => r.Submitted), rows.Sum(r => r.OnTime));
        var (graded, scoreSum, passed) = (rows.Sum(r => r.Graded), rows.Sum(r => r.ScoreSum), rows.Sum(r => r.Passed));
        return new HomeworkReport(period, assigned, submitted, onTime, graded, Rates.Percent(assignedSubmitted, assigned),
            Rates.Percent(onTime, submitted), graded == 0 ? null : Math.Round((double)scoreSum / graded, 1),
            Rates.Percent(passed, graded), histogram, series);
    }
}
