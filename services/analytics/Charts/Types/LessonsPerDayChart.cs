using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Attended lessons and no-shows per day, stacked.</summary>
public sealed class LessonsPerDayChart : ChartDefinition
{
    public override string Name => "lessons-per-day";

    public override bool StudentVisible => true;

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var period = context.Period with { GroupBy = GroupBy.Day };
        var series = await context.Area<LessonsArea>().SeriesAsync(context.Scope, period, context.CancellationToken, context.Memo);
        if (series.Sum(p => p.Completed + p.NoShows) == 0)
        {
            return new ChartFigure(t["lessons-per-day"], null);
        }

        return new ChartFigure(t["lessons-per-day"], plot =>
        {
            var bars = series.SelectMany((p, i) => new[]
            {
                new Bar { Position = i, Value = p.Completed, FillColor = Colors.SteelBlue },
                new Bar { Position = i, ValueBase = p.Completed, Value = p.Completed + p.NoShows, FillColor = Colors.IndianRed },
            }).ToArray();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = t["attended"], FillColor = Colors.SteelBlue });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = t["no-shows"], FillColor = Colors.IndianRed });
            plot.ShowLegend(Alignment.UpperLeft);
            ChartAxes.PeriodTicks(plot, series.Select(p => p.Period).ToList(), GroupBy.Day, t);
            ChartAxes.IntegerY(plot, t);
            ChartAxes.BarsFromZero(plot);
            plot.YLabel(t["lessons"]);
        });
    }
}
