using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Attended lessons on a weekday (rows, Monday on top) × hour (columns) grid, in the request's time zone.</summary>
public sealed class HeatmapChart : ChartDefinition
{
    public override string Name => "heatmap";

    public override bool StudentVisible => true;

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var heatmap = await context.Area<LessonsArea>().HeatmapAsync(context.Scope, context.Period,
            context.CancellationToken, context.Memo);
        if (heatmap.All(d => d.All(c => c == 0)))
        {
            return new ChartFigure(t["heatmap"], null);
        }

        return new ChartFigure(t["heatmap"], plot =>
        {
            var cells = new double[7, 24];
            for (var day = 0; day < 7; day++)
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    cells[day, hour] = heatmap[day][hour];
                }
            }

            ChartGrid.Draw(plot, cells, heatmap.Max(d => d.Max()), v => v.ToString(t.Culture));
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, 12).Select(h => h * 2.0).ToArray(),
                Enumerable.Range(0, 12).Select(h => $"{h * 2:00}").ToArray());
            // Row 0 (Monday) is drawn at the top.
            plot.Axes.Left.SetTicks(Enumerable.Range(0, 7).Select(d => 6.0 - d).ToArray(),
                Enumerable.Range(0, 7).Select(t.WeekdayShort).ToArray());
            plot.XLabel($"{t["hour"]} ({context.TimeZone})");
        });
    }
}
