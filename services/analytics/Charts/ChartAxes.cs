using Repitbot.Analytics.ReadSide;
using ScottPlot;

namespace Repitbot.Analytics.Charts;

/// <summary>Readable axes: dates as "23 ноя", months as "ноя 2026", at most eight labels so they never overlap.</summary>
internal static class ChartAxes
{
    public static void PeriodTicks(Plot plot, IReadOnlyList<DateOnly> buckets, GroupBy groupBy, ChartText text, int maxLabels = 8)
    {
        var step = Math.Max(1, (int)Math.Ceiling(buckets.Count / (double)maxLabels));
        // Counted back from the newest bucket, so the latest date always has its label.
        var shown = Enumerable.Range(0, buckets.Count).Where(i => (buckets.Count - 1 - i) % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(shown.Select(i => (double)i).ToArray(),
            shown.Select(i => groupBy == GroupBy.Month ? text.Month(buckets[i]) : text.Day(buckets[i])).ToArray());
    }

    public static void NameTicks(Plot plot, IReadOnlyList<string> names, bool vertical)
    {
        var positions = Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray();
        var labels = names.Select(n => n.Length > 28 ? n[..27] + "…" : n).ToArray();
        ((IAxis)(vertical ? plot.Axes.Left : plot.Axes.Bottom)).SetTicks(positions, labels);
    }

    /// <summary>Numeric ticks written in the reader's culture; ScottPlot's own labels use the process culture ("5,000" in a Russian chart).</summary>
    public static ScottPlot.TickGenerators.NumericAutomatic Numbers(ChartText text, bool integers = false) =>
        new() { IntegerTicksOnly = integers, LabelFormatter = text.AxisNumber };

    public static void IntegerY(Plot plot, ChartText text) => plot.Axes.Left.TickGenerator = Numbers(text, integers: true);

    public static void BarsFromZero(Plot plot) => plot.Axes.Margins(0.03, 0.03, 0, 0.1);
}
