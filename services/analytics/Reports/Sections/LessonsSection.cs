using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class LessonsSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<LessonsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken,
            context.Memo);
        ReportKpi[] kpis =
        [
            new(t["scheduled"], t.Number(area.Scheduled)), new(t["attended"], t.Number(area.Completed)),
            new(t["no-shows"], t.Number(area.NoShows)), new(t["cancelled"], t.Number(area.Cancelled)),
            new(t["attendance-rate"], t.Percent(area.AttendanceRatePercent)), new(t["hours"], t.Number(area.HoursTaught, 1)),
        ];
        var byDay = new ReportTable(context.SeriesTitle, [t["date"], t["scheduled"], t["attended"], t["no-shows"], t["cancelled"], t["hours"]],
            area.Series.Select(p => (IReadOnlyList<string>)[t.LongDay(p.Period), t.Number(p.Scheduled), t.Number(p.Completed),
                t.Number(p.NoShows), t.Number(p.Cancelled), t.Number(p.Minutes / 60.0, 1)]).ToList(), [1.5f, 1.6f, 1.2f, 1, 1.1f, 0.9f]);
        var reasons = new ReportTable(t["cancellations"], [t["reason"], t["count"]],
            area.CancelledByReason.Select(r => (IReadOnlyList<string>)[r.Name, t.Number(r.Count)]).ToList(), [3f, 1]);
        var csv = new ReportTable("lessons", ["period", "scheduled", "completed", "no_shows", "cancelled", "minutes"],
            area.Series.Select(p => (IReadOnlyList<string>)[p.Period.ToString("yyyy-MM-dd", null), ReportContext.Raw(p.Scheduled),
                ReportContext.Raw(p.Completed), ReportContext.Raw(p.NoShows), ReportContext.Raw(p.Cancelled), ReportContext.Raw(p.Minutes)]).ToList());
        var charts = new[] { await context.ChartAsync("lessons-per-day"), await context.ChartAsync("heatmap") };
        return new ReportSection("lessons", t["lessons"], kpis, charts, [reasons, byDay], area, csv);
    }
}
