using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts.Types;

/// <summary>Revenue per week (or day, month) in the currency with the most revenue; amounts on the axis as money.</summary>
public sealed class RevenueChart : ChartDefinition
{
    public override string Name => "revenue";

    public override bool StudentVisible => true;

    public override bool AcceptsGroupBy => true;

    public override GroupBy DefaultGroupBy => GroupBy.Week;

    public override async Task<ChartFigure> LoadAsync(ChartContext context)
    {
        var t = context.Text;
        var flows = await context.Area<PaymentsArea>().FlowsAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        var totals = PaymentsArea.Totals(flows, active: 0);
        var main = totals.OrderByDescending(c => c.RevenueMinor).FirstOrDefault(c => c.RevenueMinor > 0);
        if (main is null)
        {
            return new ChartFigure(t["revenue"], null);
        }

        var series = PaymentsArea.RevenueSeries(context.Period, flows, totals).Where(p => p.Currency == main.Currency).OrderBy(p => p.Period).ToList();
        return new ChartFigure($"{t["revenue"]}: {t.Money(main.RevenueMinor, main.Currency)}", plot =>
        {
            plot.Add.Bars(series.Select((p, i) => new Bar { Position = i, Value = p.AmountMinor, FillColor = Colors.MediumSeaGreen }).ToArray());
            ChartAxes.PeriodTicks(plot, series.Select(p => p.Period).ToList(), context.Period.GroupBy, t);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => t.Money(v, main.Currency),
            };
            ChartAxes.BarsFromZero(plot);
        });
    }
}
