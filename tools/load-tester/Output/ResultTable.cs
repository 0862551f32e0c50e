using System.Globalization;
using System.Text;

namespace Repitbot.LoadTester.Output;

/// <summary>The final table of a run, one line per row, fixed-width for a terminal.</summary>
public static class ResultTable
{
    public static string Render(ScenarioResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{result.Label}: {Rate(result.RatePerSecond)}, {result.Planned} planned, {result.ElapsedSeconds:0.0} s");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {"operation",-22} {"ok",9} {"failed",7} {"per s",10} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9}  errors / note");
        foreach (var row in result.Rows)
        {
            var l = row.LatencyMs;
            var errors = string.Join(" ", row.ErrorKinds.Select(e => $"{e.Key}={e.Value}"));
            var extra = string.Join(" ", row.Extra.Select(e => $"{e.Key}={e.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {row.Name,-22} {row.Succeeded,9} {row.Failed,7} {Num(row.ThroughputPerSecond),10} {Num(l?.P50),9} {Num(l?.P90),9} {Num(l?.P99),9} {Num(l?.Max),9}  {string.Join("  ", new[] { row.Note, errors, extra }.Where(s => !string.IsNullOrEmpty(s)))}");
        }

        return text.ToString();
    }

    private static string Rate(double? rate) => rate is { } r ? $"{r.ToString("0.##", CultureInfo.InvariantCulture)}/s open model" : "max rate (closed loop)";

    private static string Num(double? value) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
