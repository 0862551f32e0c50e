using System.Globalization;
using System.Text;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Report;

/// <summary>
/// The pipeline's lines of the table (issue 19): the highest sustained rate against raw RabbitMQ measured
/// right before it, each rate's REST and e-mail p99, and the CPU per lesson of each process.
/// </summary>
public static class PipelineFigures
{
    public const string Result = "pipeline";
    public const string MixedResult = "pipeline-mixed";
    private const double CeilingShare = 0.1;

    /// <summary>The kinds of a mixed step's mails, in the order the note names them (rows "email KIND RATE").</summary>
    private static readonly string[] MailKinds = ["completed", "payment", "homework", "scheduled", "reminder"];

    public static IEnumerable<Figure> From(ResultSet results) =>
        Stepped(results, Result, "pipeline", "REST → e-mail + dashboard", "lesson")
            .Concat(Stepped(results, MixedResult, "pipeline mixed", "lessons, payments, homework, reminder burst", "event"));

    private static IEnumerable<Figure> Stepped(ResultSet results, string result, string name, string what, string unit)
    {
        if (results.Get(result) is not { } pipeline)
        {
            yield return new Figure($"{name} sustained ({what})", "-", Note: "not measured in this run");
            yield break;
        }

        var ceiling = Ceiling(results);
        var sustained = pipeline.Rows.FirstOrDefault(r => r.Name == "sustained")?.ThroughputPerSecond;
        var ratio = sustained is { } s && ceiling is > 0 ? Math.Round(s / ceiling.Value, 3) : (double?)null;
        yield return new Figure($"{name} sustained ({what})", sustained is { } v ? Rate(v) : "none",
            ceiling is { } c ? $"raw RabbitMQ {Rate(c)}" : "raw RabbitMQ not measured", ratio, $"≥ {CeilingShare} × raw RabbitMQ",
            ratio is { } r ? r >= CeilingShare : sustained is null ? false : null,
            "REST p99 ≤ 100 ms, e-mail p99 ≤ 1 s, each mail once, dashboard = posted");
        foreach (var step in Steps(pipeline))
        {
            var rest = pipeline.Rows.FirstOrDefault(r => r.Name == $"rest {step}");
            var mail = pipeline.Rows.FirstOrDefault(r => r.Name == $"email {step}");
            var verdict = pipeline.Rows.First(r => r.Name == $"step {step}");
            var cpu = pipeline.Rows.FirstOrDefault(r => r.Name == $"cpu {step}")?.Extra.GetValueOrDefault("total");
            var kinds = MailKinds.Select(k => (Kind: k, Row: pipeline.Rows.FirstOrDefault(r => r.Name == $"email {k} {step}")))
                .Where(k => k.Row is not null).Select(k => $"{k.Kind} p50 {Ms(k.Row!.LatencyMs?.P50)} / p99 {Ms(k.Row.LatencyMs?.P99)}").ToList();
            yield return new Figure($"{name} at {step}: REST p99 / e-mail p99",
                $"{Ms(rest?.LatencyMs?.P99)} / {Ms(mail?.LatencyMs?.P99)}", $"CPU {cpu?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} ms/{unit}",
                Target: "≤ 100 ms / ≤ 1 s", Met: verdict.Extra.GetValueOrDefault("passed") == 1,
                Note: $"REST p50 {Ms(rest?.LatencyMs?.P50)}, e-mail p50 {Ms(mail?.LatencyMs?.P50)}; "
                    + (kinds.Count > 0 ? string.Join(", ", kinds) + "; " : "")
                    + $"lost {mail?.Extra.GetValueOrDefault("lost") ?? 0:0}, duplicated {mail?.Extra.GetValueOrDefault("duplicated") ?? 0:0}; {verdict.Note}");
        }
    }

    /// <summary>
    /// The "Pipeline: where the time goes" table: CPU ms per lesson by process at each rate, with the idle
    /// figures (ms per second) to read them against. Empty when the run had no pipeline step.
    /// </summary>
    public static string CpuMarkdown(ResultSet results)
    {
        if (results.Get(Result) is not { } pipeline)
        {
            return "";
        }

        var steps = Steps(pipeline).ToList();
        var gross = steps.Select(s => pipeline.Rows.FirstOrDefault(r => r.Name == $"cpu {s}")?.Extra ?? []).ToList();
        var net = steps.Select(s => pipeline.Rows.FirstOrDefault(r => r.Name == $"cpu net {s}")?.Extra ?? []).ToList();
        var idle = pipeline.Rows.FirstOrDefault(r => r.Name == "cpu idle")?.Extra ?? [];
        var processes = gross.SelectMany(c => c.Keys).Concat(idle.Keys).Where(k => k != "total").Distinct()
            .OrderByDescending(p => gross.Sum(c => c.GetValueOrDefault(p))).ToList();
        var md = new StringBuilder();
        md.AppendLine("## Pipeline: CPU per lesson by process (this run)").AppendLine();
        md.AppendLine("CPU milliseconds per posted lesson over each step (posting, mail delivery and the dashboard catching up), from");
        md.AppendLine("`/proc/PID/stat`, as measured and (after the slash) less each process's idle use over the step; \"idle\" is ms per");
        md.AppendLine("second with no load. RabbitMQ, Redis, SMTP and the PostgreSQL server processes are shared with whatever else runs");
        md.AppendLine("on the machine.").AppendLine();
        md.AppendLine("| process | idle ms/s | " + string.Join(" | ", steps.Select(s => $"at {s}")) + " |");
        md.AppendLine("|---|---|" + string.Concat(steps.Select(_ => "---|")));
        foreach (var process in processes.Append("total"))
        {
            var idleText = process == "total" ? Num(idle.Values.Sum()) : Num(idle.GetValueOrDefault(process));
            md.AppendLine($"| {process} | {idleText} | "
                + string.Join(" | ", gross.Zip(net, (g, n) => $"{Num(g.GetValueOrDefault(process))} / {Num(n.GetValueOrDefault(process))}")) + " |");
        }

        return md.AppendLine().ToString();
    }

    private static double? Ceiling(ResultSet results) =>
        results.Row("baseline-rabbitmq-pipeline", "consumed")?.ThroughputPerSecond ?? results.Row("baseline-rabbitmq", "consumed")?.ThroughputPerSecond;

    private static IEnumerable<string> Steps(ScenarioResult pipeline) =>
        pipeline.Rows.Where(r => r.Name.StartsWith("step ", StringComparison.Ordinal)).Select(r => r.Name["step ".Length..]);

    private static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + "/s";

    private static string Num(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ms(double? ms) => ms switch
    {
        null => "-",
        >= 1000 => (ms.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        _ => ms.Value.ToString(ms >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) + " ms",
    };
}
