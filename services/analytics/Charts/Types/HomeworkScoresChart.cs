using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>How many grades fell in each band of ten points.</summary>
public sealed class HomeworkScoresChart : ChartDefinition
{
    public override string Name => "homework-scores";

    public override bool StudentVisible => true;

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var homework = await context.Area<HomeworkArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        if (homework.Graded == 0)
        {
            return new ChartFigure(t["homework-scores"], null);
        }

        return new ChartFigure($"{t["homework-scores"]}: {t["average-score"]} {t.Number(homework.AverageScore ?? 0, 1)}", plot =>
        {
            plot.Add.Bars(homework.ScoreHistogram.Select((count, i) => new Bar
            {
                Position = i,
                Value = count,
                FillColor = i * 10 >= HomeworkArea.PassingScore ? Colors.SteelBlue : Colors.Gray,
            }).ToArray());
            ChartAxes.NameTicks(plot, Enumerable.Range(0, 10).Select(i => i == 9 ? "90–100" : $"{i * 10}–{i * 10 + 9}").ToList(), vertical: false);
            ChartAxes.IntegerY(plot, t);
            ChartAxes.BarsFromZero(plot);
            plot.XLabel(t["score"]);
            plot.YLabel(t["count"]);
        });
    }
}
