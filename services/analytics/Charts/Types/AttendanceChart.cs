using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Attendance rate (attended of attended + no-shows) per week or month, in percent.</summary>
public sealed class AttendanceChart : ChartDefinition
{
    public override string Name => "attendance";

    public override bool StudentVisible => true;

    public override bool AcceptsGroupBy => true;

    public override GroupBy DefaultGroupBy => GroupBy.Week;

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var series = await context.Area<LessonsArea>().SeriesAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        var (completed, noShows) = (series.Sum(p => p.Completed), series.Sum(p => p.NoShows));
        if (completed + noShows == 0)
        {
            return new ChartFigure(t["attendance"], null);
        }

        return new ChartFigure($"{t["attendance"]}: {t.Percent(Rates.Percent(completed, completed + noShows))}", plot =>
        {
            var bars = plot.Add.Bars(series.Select((p, i) => new Bar
            {
                Position = i,
                Value = Rates.Percent(p.Completed, p.Completed + p.NoShows) ?? 0,
                FillColor = Colors.SeaGreen,
                Label = p.Completed + p.NoShows == 0 ? "" : t.Percent(Rates.Percent(p.Completed, p.Completed + p.NoShows)),
            }).ToArray());
            bars.ValueLabelStyle.FontName = ChartFonts.Family;
            ChartAxes.PeriodTicks(plot, series.Select(p => p.Period).ToList(), context.Period.GroupBy, t);
            plot.Axes.SetLimitsY(0, 110);
            plot.YLabel(t["percent"]);
        });
    }
}
