using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>The most viewed materials of the period, by views.</summary>
public sealed class TopMaterialsChart : ChartDefinition
{
    public override string Name => "top-materials";

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var materials = await context.Area<MaterialsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        if (materials.Top.Count == 0)
        {
            return new ChartFigure(t["top-materials"], null);
        }

        return new ChartFigure(t["top-materials"], plot =>
        {
            var top = materials.Top.Reverse().ToList();
            var bars = plot.Add.Bars(top.Select((m, i) => new Bar { Position = i, Value = m.Views, FillColor = Colors.MediumPurple }).ToArray());
            bars.Horizontal = true;
            ChartAxes.NameTicks(plot, top.Select(m => m.Title).ToList(), vertical: true);
            plot.Axes.Bottom.TickGenerator = ChartAxes.Numbers(t, integers: true);
            plot.Axes.Margins(0, 0.1, 0.03, 0.03);
            plot.XLabel(t["views"]);
        });
    }
}
