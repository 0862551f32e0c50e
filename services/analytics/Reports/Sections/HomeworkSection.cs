using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class HomeworkSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<HomeworkArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        ReportKpi[] kpis =
        [
            new(t["assigned"], t.Number(area.Assigned)), new(t["submitted"], t.Number(area.Submitted)),
            new(t["on-time"], t.Percent(area.OnTimeRatePercent)), new($"{t["submitted"]}, %", t.Percent(area.SubmissionRatePercent)),
            new(t["average-score"], area.AverageScore is { } s ? t.Number(s, 1) : "—"), new(t["success-rate"], t.Percent(area.SuccessRatePercent)),
        ];
        var series = new ReportTable(context.SeriesTitle, [t["date"], t["assigned"], t["submitted"], t["average-score"]],
            area.Series.Select(p => (IReadOnlyList<string>)[t.LongDay(p.Period), t.Number(p.Assigned), t.Number(p.Submitted),
                p.AverageScore is { } a ? t.Number(a, 1) : "—"]).ToList(), [2f, 1, 1, 1]);
        var csv = new ReportTable("homework", ["period", "assigned", "submitted", "graded", "average_score"],
            area.Series.Select(p => (IReadOnlyList<string>)[p.Period.ToString("yyyy-MM-dd", null), ReportContext.Raw(p.Assigned),
                ReportContext.Raw(p.Submitted), ReportContext.Raw(p.Graded), ReportContext.Raw(p.AverageScore)]).ToList());
        return new ReportSection("homework", t["homework"], kpis, [await context.ChartAsync("homework-scores")], [series], area, csv);
    }
}
