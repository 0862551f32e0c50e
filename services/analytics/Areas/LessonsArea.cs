namespace Repitbot.Analytics.Areas;

public sealed record LessonsPoint(DateOnly Period, long Scheduled, long Completed, long NoShows, long Cancelled, long Minutes);

public sealed record CountByName(string Name, long Count);

public sealed record LessonsReport(Period Period, long Scheduled, long Completed, long NoShows, long Cancelled,
    double? AttendanceRatePercent, double HoursTaught, IReadOnlyList<CountByName> CancelledByReason,
    IReadOnlyList<CountByName> CancelledBy, IReadOnlyList<LessonsPoint> Series, long[][] Heatmap);

/// <summary>
/// Lessons by when the event happened: scheduled, completed (attended), no-shows, cancellations by reason,
/// and attended lessons on a weekday (Monday first) × hour (UTC) grid.
/// </summary>
public sealed class LessonsArea(EventSql sql)
{
    public async Task<LessonsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            SELECT date_trunc(@bucket, occurred_at AT TIME ZONE 'UTC')::date,
                   count(*) FILTER (WHERE type = 'LessonScheduled'),
                   count(*) FILTER (WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'),
                   count(*) FILTER (WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'NoShow'),
                   count(*) FILTER (WHERE type = 'LessonCancelled'),
                   coalesce(sum((payload->>'minutes')::bigint) FILTER (WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'), 0)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to
              AND type IN ('LessonScheduled', 'LessonCompleted', 'LessonCancelled')
            GROUP BY 1
            """, scope, period, r => new LessonsPoint(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt64(1), r.GetInt64(2),
            r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), ct);
        var cancellations = await sql.ListAsync("""
            SELECT coalesce(nullif(payload->>'reason', ''), '—'), coalesce(payload->>'cancelledBy', '—'), count(*)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to AND type = 'LessonCancelled'
            GROUP BY 1, 2
            """, scope, period, r => (Reason: r.GetString(0), By: r.GetString(1), Count: r.GetInt64(2)), ct);
        var cells = await sql.ListAsync("""
            SELECT extract(isodow FROM occurred_at AT TIME ZONE 'UTC')::int - 1, extract(hour FROM occurred_at AT TIME ZONE 'UTC')::int, count(*)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to
              AND type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'
            GROUP BY 1, 2
            """, scope, period, r => (Day: r.GetInt32(0), Hour: r.GetInt32(1), Count: r.GetInt64(2)), ct);

        var byBucket = rows.ToDictionary(r => r.Period);
        var series = period.Buckets().Select(b => byBucket.GetValueOrDefault(b) ?? new LessonsPoint(b, 0, 0, 0, 0, 0)).ToList();
        var heatmap = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
        foreach (var cell in cells)
        {
            heatmap[cell.Day][cell.Hour] = cell.Count;
        }

        var completed = series.Sum(p => p.Completed);
        var noShows = series.Sum(p => p.NoShows);
        return new LessonsReport(period, series.Sum(p => p.Scheduled), completed, noShows, series.Sum(p => p.Cancelled),
            Rates.Percent(completed, completed + noShows), Math.Round(series.Sum(p => p.Minutes) / 60.0, 2),
            Sum(cancellations.Select(c => (c.Reason, c.Count))), Sum(cancellations.Select(c => (c.By, c.Count))),
            series, heatmap);
    }

    private static List<CountByName> Sum(IEnumerable<(string Name, long Count)> items) => items
        .GroupBy(i => i.Name, StringComparer.Ordinal)
        .Select(g => new CountByName(g.Key, g.Sum(i => i.Count)))
        .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
        .ToList();
}
