using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record TopMaterial(Guid MaterialId, string Title, long Views, long Viewers);

public sealed record MaterialsReport(Period Period, long Shared, long Views, long Viewers, long SharedAndViewed,
    double? ViewRatePercent, IReadOnlyList<TopMaterial> Top);

/// <summary>View rate: materials shared in the period that were opened at least once by the period's end.</summary>
public sealed class MaterialsArea(EventSql sql)
{
    public const int TopCount = 10;

    public Task<MaterialsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"materials:{period.From}:{period.To}:{period.Bucket}", () => LoadAsync(scope, period, ct));

    private async Task<MaterialsReport> LoadAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var totals = (await sql.ListAsync("""
            WITH shared AS (SELECT DISTINCT tutor_id, payload->>'materialId' AS material FROM analytics.events
                            WHERE {scope} AND type = 'MaterialShared' AND occurred_at >= @from AND occurred_at < @to)
            SELECT (SELECT count(*) FROM shared),
                   (SELECT count(*) FROM shared s WHERE EXISTS (SELECT 1 FROM analytics.events v WHERE v.tutor_id = s.tutor_id
                        AND v.type = 'MaterialViewed' AND v.payload->>'materialId' = s.material AND v.occurred_at < @to)),
                   count(*), count(DISTINCT student_id)
            FROM analytics.events
            WHERE {scope} AND type = 'MaterialViewed' AND occurred_at >= @from AND occurred_at < @to
            """, scope, period, r => (Shared: r.GetInt64(0), Viewed: r.GetInt64(1), Views: r.GetInt64(2), Viewers: r.GetInt64(3)), ct)).Single();
        var top = await sql.ListAsync("""
            WITH views AS (
                SELECT tutor_id, payload->>'materialId' AS material, count(*) AS views, count(DISTINCT student_id) AS viewers
                FROM analytics.events
                WHERE {scope} AND type = 'MaterialViewed' AND occurred_at >= @from AND occurred_at < @to
                GROUP BY 1, 2)
            SELECT v.material::uuid, coalesce((SELECT s.payload->>'title' FROM analytics.events s
                        WHERE s.tutor_id = v.tutor_id AND s.type = 'MaterialShared' AND s.payload->>'materialId' = v.material
                        ORDER BY s.occurred_at DESC LIMIT 1), v.material), v.views, v.viewers
            FROM views v
            ORDER BY 3 DESC, 1
            LIMIT 10
            """, scope, period, r => new TopMaterial(r.GetGuid(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), ct);
        return new MaterialsReport(period, totals.Shared, totals.Views, totals.Viewers, totals.Viewed,
            Rates.Percent(totals.Viewed, totals.Shared), top);
    }
}
