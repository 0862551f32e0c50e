using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
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
        var cancellations = await context.Area<LessonsArea>().CancellationsAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        if (cancellations.Count == 0)
        {
            return new ChartFigure(t["cancellations"], null);
        }

        return new ChartFigure(t["cancellations"], plot =>
        {
            var reasons = cancellations.GroupBy(c => c.Reason, StringComparer.Ordinal).Select(g => (Name: g.Key, Count: g.Sum(c => c.Count)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).Take(MaxReasons).Reverse().ToList();
            var bars = plot.Add.Bars(reasons.Select((r, i) => new Bar { Position = i, Value = r.Count, FillColor = Colors.DarkOrange }).ToArray());
            bars.Horizontal = true;
            ChartAxes.NameTicks(plot, reasons.Select(r => r.Name).ToList(), vertical: true);
            plot.Axes.Bottom.TickGenerator = ChartAxes.Numbers(t, integers: true);
            plot.Axes.Margins(0, 0.1, 0.03, 0.03);
            plot.XLabel(t["count"]);
        });
    }
}
