using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class MaterialsSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<MaterialsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        ReportKpi[] kpis =
        [
            new(t["shared"], t.Number(area.Shared)), new(t["views"], t.Number(area.Views)), new(t["view-rate"], t.Percent(area.ViewRatePercent)),
        ];
        var top = new ReportTable(t["top-materials"], [t["title"], t["views"], t["viewers"]],
            area.Top.Select(m => (IReadOnlyList<string>)[m.Title, t.Number(m.Views), t.Number(m.Viewers)]).ToList(), [4f, 1, 1]);
        var csv = new ReportTable("materials", ["material_id", "title", "views", "viewers"],
            area.Top.Select(m => (IReadOnlyList<string>)[m.MaterialId.ToString(), m.Title, ReportContext.Raw(m.Views), ReportContext.Raw(m.Viewers)]).ToList());
        return new ReportSection("materials", t["materials"], kpis, [await context.ChartAsync("top-materials")], [top], area, csv);
    }
}
