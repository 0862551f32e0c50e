using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class ExperimentsSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<ExperimentsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken);
        var rows = area.Experiments.SelectMany(e => e.Variants.Select(v => (Experiment: e.Experiment, Variant: v))).ToList();
        var table = new ReportTable(t["experiments"], [t["experiments"], t["variant"], t["users"], t["converted"], t["conversion"], t["p-value"], t["ci"]],
            rows.Select(r => (IReadOnlyList<string>)[r.Experiment, r.Variant.Variant, t.Number(r.Variant.Users), t.Number(r.Variant.Converted),
                t.Percent(r.Variant.ConversionPercent), r.Variant.AgainstControl is { } z ? z.PValue.ToString("0.####", t.Culture) : "—",
                r.Variant.AgainstControl is { } c ? $"{t.Number(c.CiLowPoints, 1)} … {t.Number(c.CiHighPoints, 1)}" : "—"]).ToList(),
            [1.6f, 1, 0.8f, 0.9f, 0.9f, 0.9f, 1.3f]);
        var csv = new ReportTable("experiments", ["experiment", "variant", "users", "converted", "conversion_percent", "p_value", "ci_low_points", "ci_high_points"],
            rows.Select(r => (IReadOnlyList<string>)[r.Experiment, r.Variant.Variant, ReportContext.Raw(r.Variant.Users), ReportContext.Raw(r.Variant.Converted),
                ReportContext.Raw(r.Variant.ConversionPercent), ReportContext.Raw(r.Variant.AgainstControl?.PValue),
                ReportContext.Raw(r.Variant.AgainstControl?.CiLowPoints), ReportContext.Raw(r.Variant.AgainstControl?.CiHighPoints)]).ToList());
        return new ReportSection("experiments", t["experiments"], [new(t["experiments"], t.Number(area.Experiments.Count))], [], [table], area, csv);
    }
}
