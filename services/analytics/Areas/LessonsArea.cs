using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record LessonsPoint(DateOnly Period, long Scheduled, long Completed, long NoShows, long Cancelled, long Minutes);

public sealed record CountByName(string Name, long Count);

public sealed record CancellationCount(string Reason, string By, long Count);

public sealed record LessonsReport(Period Period, long Scheduled, long Completed, long NoShows, long Cancelled,
    double? AttendanceRatePercent, double HoursTaught, IReadOnlyList<CountByName> CancelledByReason,
    IReadOnlyList<CountByName> CancelledBy, IReadOnlyList<LessonsPoint> Series, long[][] Heatmap)
{
    /// <summary>The IANA time zone the days, the series and the heatmap's weekdays and hours are in (the reader's).</summary>
    public string TimeZone { get; init; } = "UTC";
}

/// <summary>
/// Lessons by when they happened (<see cref="Ingestion.HappenedAt"/>: a completed lesson on the day it was held): scheduled, completed (attended), no-shows, cancellations by reason,
/// and attended lessons on a weekday (Monday first) × hour grid, all in the reader's time zone (<see cref="Period.TimeZone"/>).
/// Everything comes from the events: the daily rollups hold each tutor's own days, which are the reader's only when
/// the reader is in the tutor's zone.
/// </summary>
public sealed class LessonsArea(EventSql sql)
{
    public async Task<LessonsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null)
    {
        var seriesTask = SeriesAsync(scope, period, ct, memo);
        var cancellationsTask = CancellationsAsync(scope, period, ct, memo);
        var heatmapTask = HeatmapAsync(scope, period, ct, memo);
        await Task.WhenAll(seriesTask, cancellationsTask, heatmapTask);
        var (series, cancellations) = (seriesTask.Result, cancellationsTask.Result);
        var completed = series.Sum(p => p.Completed);
        var noShows = series.Sum(p => p.NoShows);
        return new LessonsReport(period, series.Sum(p => p.Scheduled), completed, noShows, series.Sum(p => p.Cancelled),
            Rates.Percent(completed, completed + noShows), Math.Round(series.Sum(p => p.Minutes) / 60.0, 2),
            Sum(cancellations.Select(c => (c.Reason, c.Count))), Sum(cancellations.Select(c => (c.By, c.Count))),
            series, heatmapTask.Result) { TimeZone = period.TimeZone };
    }

    /// <summary>One point per bucket of the period, empty buckets included.</summary>
    public Task<List<LessonsPoint>> SeriesAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"lessons-series:{period.From}:{period.To}:{period.Bucket}", async () =>
        {
            var rows = await sql.ListAsync(FromEvents, scope, period, r => new LessonsPoint(
                DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)), ct);
            var byBucket = rows.ToDictionary(r => r.Period);
            return period.Buckets().Select(b => byBucket.GetValueOrDefault(b) ?? new LessonsPoint(b, 0, 0, 0, 0, 0)).ToList();
        });

    public Task<List<CancellationCount>> CancellationsAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"lessons-cancellations:{period.From}:{period.To}", () => sql.ListAsync("""
            SELECT coalesce(nullif(payload->>'reason', ''), '—'), coalesce(payload->>'cancelledBy', '—'), count(*)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to AND type = 'LessonCancelled'
            GROUP BY 1, 2
            """, scope, period, r => new CancellationCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), ct));

    /// <summary>
    /// Attended lessons that count in the period (<see cref="Ingestion.HappenedAt"/>) by weekday (0 = Monday) and hour of the
    /// lesson's own start, both in the period's time zone: the completion's own <c>startsAt</c>, else its
    /// latest LessonScheduled or LessonRescheduled <c>startsAt</c> (older publishers), else the time it was recorded.
    /// </summary>
    public Task<long[][]> HeatmapAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"lessons-heatmap:{period.From}:{period.To}:{period.TimeZone}", async () =>
        {
            var cells = await sql.ListAsync("""
                WITH taught AS (
                    SELECT e.payload->>'lessonId' AS lesson_id, {happened:e.} AS happened_at, e.payload->>'startsAt' IS NOT NULL AS own_start
                    FROM analytics.events e
                    WHERE {scope:e.} AND {happenedInPeriod:e.}
                      AND e.type = 'LessonCompleted' AND e.payload->>'outcome' = 'Attended'
                ), starts AS (
                    SELECT DISTINCT ON (p.payload->>'lessonId') p.payload->>'lessonId' AS lesson_id, (p.payload->>'startsAt')::timestamptz AS starts_at
                    FROM analytics.events p
                    WHERE {scope:p.} AND p.occurred_at < @to AND p.type IN ('LessonScheduled', 'LessonRescheduled')
                      AND p.payload->>'lessonId' IN (SELECT lesson_id FROM taught WHERE NOT own_start)
                    ORDER BY p.payload->>'lessonId', p.occurred_at DESC
                ), lessons AS (
                    SELECT CASE WHEN t.own_start THEN t.happened_at ELSE coalesce(s.starts_at, t.happened_at) END AS at
                    FROM taught t LEFT JOIN starts s USING (lesson_id)
                )
                SELECT extract(isodow FROM at AT TIME ZONE @tz)::int - 1, extract(hour FROM at AT TIME ZONE @tz)::int, count(*)
                FROM lessons
                GROUP BY 1, 2
                """, scope, period, r => (Day: r.GetInt32(0), Hour: r.GetInt32(1), Count: r.GetInt64(2)), ct);
            var heatmap = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
            foreach (var cell in cells)
            {
                heatmap[cell.Day][cell.Hour] = cell.Count;
            }

            return heatmap;
        });

    // The fields are taken out of the payload in a subquery kept apart (OFFSET 0) so the grouping handles narrow rows:
    // PostgreSQL guesses a hundred thousand days for the date_trunc and sorts to group; without the fence it sorted the
    // whole rows, payload and all, spilling 100 MB to disk on three processes for the bench's 90-day admin series
    // (0.48–0.68 s and both cores); with it, one hash aggregate in one process (0.39 s).
    private const string FromEvents = """
        SELECT day,
               count(*) FILTER (WHERE type = 'LessonScheduled'),
               count(*) FILTER (WHERE type = 'LessonCompleted' AND outcome = 'Attended'),
               count(*) FILTER (WHERE type = 'LessonCompleted' AND outcome = 'NoShow'),
               count(*) FILTER (WHERE type = 'LessonCancelled'),
               coalesce(sum(minutes) FILTER (WHERE type = 'LessonCompleted' AND outcome = 'Attended'), 0)
        FROM (SELECT date_trunc(@bucket, {happened} AT TIME ZONE @tz)::date AS day, type, payload->>'outcome' AS outcome,
                     (payload->>'minutes')::bigint AS minutes
              FROM analytics.events
              WHERE {scope} AND {happenedInPeriod}
                AND type IN ('LessonScheduled', 'LessonCompleted', 'LessonCancelled')
              OFFSET 0) lessons
        GROUP BY 1
        """;

    private static List<CountByName> Sum(IEnumerable<(string Name, long Count)> items) => items
        .GroupBy(i => i.Name, StringComparer.Ordinal)
        .Select(g => new CountByName(g.Key, g.Sum(i => i.Count)))
        .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
        .ToList();
}
