using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record VariantResult(string Variant, long Users, long Converted, double? ConversionPercent,
    ProportionTest? AgainstControl);

public sealed record ExperimentResult(string Experiment, string Control, IReadOnlyList<VariantResult> Variants);

public sealed record ExperimentsReport(Period Period, IReadOnlyList<ExperimentResult> Experiments);

/// <summary>
/// Users assigned to a variant in the period, and those of them who converted by the period's end.
/// The control is the variant named "control" (or "A"), else the first by name; every other variant
/// is compared to it with a two-proportion z-test.
/// </summary>
public sealed class ExperimentsArea(EventSql sql)
{
    public async Task<ExperimentsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            WITH assigned AS (
                SELECT DISTINCT ON (payload->>'experiment', payload->>'userId')
                       payload->>'experiment' AS experiment, payload->>'variant' AS variant, payload->>'userId' AS user_id, tutor_id
                FROM analytics.events
                WHERE {scope} AND type = 'ExperimentAssigned' AND occurred_at >= @from AND occurred_at < @to
                ORDER BY payload->>'experiment', payload->>'userId', occurred_at)
            SELECT a.experiment, a.variant, count(*),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics.events c WHERE c.tutor_id = a.tutor_id
                       AND c.type = 'ExperimentConverted' AND c.payload->>'experiment' = a.experiment
                       AND c.payload->>'userId' = a.user_id AND c.occurred_at < @to))
            FROM assigned a
            GROUP BY 1, 2
            """, scope, period, r => (Experiment: r.GetString(0), Variant: r.GetString(1), Users: r.GetInt64(2), Converted: r.GetInt64(3)), ct);
        var experiments = rows.GroupBy(r => r.Experiment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var variants = g.OrderBy(v => v.Variant, StringComparer.Ordinal).ToList();
            var control = variants.FirstOrDefault(v => v.Variant.Equals("control", StringComparison.OrdinalIgnoreCase)
                || v.Variant.Equals("A", StringComparison.OrdinalIgnoreCase));
            control = control == default ? variants[0] : control;
            return new ExperimentResult(g.Key, control.Variant, variants.Select(v => new VariantResult(v.Variant, v.Users, v.Converted,
                Rates.Percent(v.Converted, v.Users),
                v.Variant == control.Variant ? null : ProportionTest.Compare(control.Converted, control.Users, v.Converted, v.Users))).ToList());
        }).ToList();
        return new ExperimentsReport(period, experiments);
    }
}
