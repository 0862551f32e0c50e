using Repitbot.Analytics.Areas;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Cancelled lessons by reason, most frequent on top.</summary>
public sealed class CancellationsChart : ChartDefinition
{
    private const int MaxReasons = 12;

    public override string Name => "cancellations";

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var lessons = await context.Area<LessonsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken);
        if (lessons.Cancelled == 0)
        {
            return new ChartFigure(t["cancellations"], null);
        }

        return new ChartFigure(t["cancellations"], plot =>
        {
            var reasons = lessons.CancelledByReason.Take(MaxReasons).Reverse().ToList();
            var bars = plot.Add.Bars(reasons.Select((r, i) => new Bar { Position = i, Value = r.Count, FillColor = Colors.DarkOrange }).ToArray());
            bars.Horizontal = true;
            ChartAxes.NameTicks(plot, reasons.Select(r => r.Name).ToList(), vertical: true);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.Margins(0, 0.1, 0.03, 0.03);
            plot.XLabel(t["count"]);
        });
    }
}
