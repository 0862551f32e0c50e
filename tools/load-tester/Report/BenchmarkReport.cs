using System.Globalization;
using System.Text;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Report;

/// <summary>The comparison table for the terminal and the BENCHMARKS.md file, with every run's rows after it.</summary>
public static class BenchmarkReport
{
    public static string Terminal(IReadOnlyList<Figure> figures)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"figure",-44} {"value",-24} {"baseline",-36} {"ratio",7}  verdict");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{f.Name,-44} {f.Value,-24} {f.Baseline ?? "",-36} {Ratio(f.Ratio),7}  {Verdict(f)}{(f.Note is { } n ? $"  ({n})" : "")}");
        }

        return text.ToString();
    }

    /// <summary>
    /// Everything after this line in an existing BENCHMARKS.md is written by people (analyses, before/after
    /// figures) and is carried into the new file.
    /// </summary>
    public const string KeptMarker = "<!-- written by people: ./bench.sh keeps everything below this line -->";

    public static string Markdown(IReadOnlyList<Figure> figures, ResultSet results, string machine, string command, string? previous = null)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Latest run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, `{command}`.  ");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}.").AppendLine();
        md.AppendLine("Every figure is judged against a baseline measured on the same machine in the same run (ARCHITECTURE.md,");
        md.AppendLine("\"How speed is judged\"); absolute numbers on a shared machine mean little. Latencies are measured from each");
        md.AppendLine("operation's intended start at a constant arrival rate (no coordinated omission), except wrk's (closed loop).").AppendLine();
        md.AppendLine("| figure | value | baseline | ratio | target | verdict | note |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {f.Value} | {f.Baseline ?? ""} | {Ratio(f.Ratio)} | {f.Target ?? ""} | {Verdict(f)} | {f.Note?.Replace("|", "/", StringComparison.Ordinal) ?? ""} |");
        }

        md.AppendLine().Append(PipelineFigures.CpuMarkdown(results));
        md.AppendLine("## Every run").AppendLine();
        foreach (var result in results.All)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {result.Label}").AppendLine().AppendLine("```");
            md.Append(ResultTable.Render(result));
            md.AppendLine("```").AppendLine();
        }

        if (previous?.IndexOf(KeptMarker, StringComparison.Ordinal) is int kept and >= 0)
        {
            md.Append(previous[kept..]);
        }

        return md.ToString();
    }

    private static string Ratio(double? ratio) => ratio?.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) ?? "";

    private static string Verdict(Figure f) => f.Met switch { true => "met", false => "MISSED", null => "" };
}
