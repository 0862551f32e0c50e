using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Weekly cohorts (rows, oldest on top) × weeks since the first lesson (columns): share retained.</summary>
public sealed class RetentionChart : ChartDefinition
{
    public override string Name => "retention";

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var cohorts = await context.Area<StudentsArea>().CohortsAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        if (cohorts.Count == 0)
        {
            return new ChartFigure(t["retention"], null);
        }

        return new ChartFigure(t["retention"], plot =>
        {
            var weeks = cohorts.Max(c => c.RetainedPercent.Count);
            var cells = new double[cohorts.Count, weeks];
            for (var row = 0; row < cohorts.Count; row++)
            {
                for (var week = 0; week < weeks; week++)
                {
                    cells[row, week] = week < cohorts[row].RetainedPercent.Count ? cohorts[row].RetainedPercent[week] : double.NaN;
                }
            }

            ChartGrid.Draw(plot, cells, 100, v => v.ToString("0", t.Culture));
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, weeks).Select(w => (double)w).ToArray(),
                Enumerable.Range(0, weeks).Select(w => w.ToString(t.Culture)).ToArray());
            plot.Axes.Left.SetTicks(Enumerable.Range(0, cohorts.Count).Select(r => cohorts.Count - 1.0 - r).ToArray(),
                cohorts.Select(c => $"{t.Day(c.Week)} ({c.Students})").ToArray());
            plot.XLabel(t["week"]);
        });
    }
}
