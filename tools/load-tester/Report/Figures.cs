using System.Globalization;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Report;

/// <summary>
/// The figures issue 9 asks for, each next to its same-run baseline (ARCHITECTURE.md, "How speed is
/// judged"). A result file that is missing gives a "not measured" line rather than no line.
/// </summary>
public static class Figures
{
    /// <summary>User-facing targets in ms (the product's promise); the aim is a tenth of each.</summary>
    private static readonly (string Result, string Row, string Name, double TargetMs)[] Latencies =
    [
        ("api-reads", "dashboard", "dashboard (seeded store)", 2_000),
        ("api-reads", "chart", "chart (seeded store)", 3_000),
        ("api-reads", "quick-report", "quick report (seeded store)", 10_000),
        ("full-report", "full-report", "full report (seeded store)", 60_000),
    ];

    public static List<Figure> From(ResultSet results)
    {
        var figures = new List<Figure>();
        var ceiling = results.Row("baseline-rabbitmq", "consumed")?.ThroughputPerSecond;
        var ceilingText = ceiling is { } c ? $"raw RabbitMQ {Rate(c)}" : "raw RabbitMQ not measured";
        figures.Add(Throughput(results.Row("ingest-bus", "stored"), "analytics ingestion (bus → stored)", ceiling, ceilingText, 0.5, "≥ 0.5 × raw RabbitMQ"));
        figures.Add(Throughput(results.Row("ingest-rest", "stored"), "ingestion via bot gateway REST (→ stored)", ceiling, ceilingText, null, null));
        figures.Add(LatencyFigure(results.Row("ingest-rest", "record"), "bot gateway REST intake", null));
        figures.Add(LatencyFigure(results.Row("notify-email", "delivered"), "e-mail notification end to end", 5_000));
        figures.AddRange(PipelineFigures.From(results));
        figures.Add(Telegram(results.Row("notify-telegram", "telegram-sends")));
        figures.AddRange(Gateway(results));
        figures.AddRange(Latencies.Select(l => LatencyFigure(results.Row(l.Result, l.Row), l.Name, l.TargetMs)));
        foreach (var row in results.Get("peak-memory")?.Rows ?? [])
        {
            figures.Add(row.Extra.TryGetValue("peakMiB", out var peak)
                ? new Figure($"peak memory: {row.Name}", $"{peak:0} MiB (VmHWM)", Target: $"≤ {PeakMemoryTargetMiB} MiB",
                    Met: peak <= PeakMemoryTargetMiB, Note: MemoryParts(row.Extra))
                : new Figure($"peak memory: {row.Name}", "-", Note: row.Note));
        }

        return figures;
    }

    /// <summary>Issue 19: every service at most 200 MB at its peak.</summary>
    private const int PeakMemoryTargetMiB = 200;

    /// <summary>What the resident memory was made of when it was read (after the scenarios), when the result has it.</summary>
    private static string? MemoryParts(Dictionary<string, double> extra) =>
        extra.TryGetValue("anonMiB", out var anon) && extra.TryGetValue("fileMiB", out var files) && extra.TryGetValue("shmemMiB", out var code)
            ? $"at the end: heap and native {anon:0}, files {files:0}, code {code:0} MiB; PSS {extra.GetValueOrDefault("pssMiB"):0} MiB"
            : null;

    private static IEnumerable<Figure> Gateway(ResultSet results)
    {
        var nginx = results.Row("wrk-nginx", "wrk-nginx")?.ThroughputPerSecond;
        var bare = results.Row("wrk-bare", "wrk-bare")?.ThroughputPerSecond;
        var yarp = results.Row("wrk-gateway-bare", "wrk-gateway-bare");
        yield return yarp?.ThroughputPerSecond is { } y
            ? new Figure("gateway req/s (YARP + JWT → bare Kestrel)", Rate(y),
                $"nginx {Rate(nginx)}; bare Kestrel {Rate(bare)}", Ratio(y, nginx), "≥ 1 × nginx", nginx is { } n ? y >= n : null, Errors(yarp))
            : Missing("gateway req/s (YARP + JWT → bare Kestrel)", "wrk-gateway-bare");
        // YARP with nothing of ours: how much of the gap to nginx is the proxy library's, how much the gateway's.
        var minimal = results.Row("wrk-yarp-minimal", "wrk-yarp-minimal");
        yield return minimal?.ThroughputPerSecond is { } m
            ? new Figure("YARP alone req/s (no auth, limits, metrics)", Rate(m), $"nginx {Rate(nginx)}", Ratio(m, nginx),
                Note: yarp?.ThroughputPerSecond is { } gw
                    ? $"gateway = {(gw / m).ToString("0.00", CultureInfo.InvariantCulture)} × YARP alone {Errors(minimal)}".TrimEnd()
                    : Errors(minimal))
            : Missing("YARP alone req/s (no auth, limits, metrics)", "wrk-yarp-minimal");
        var direct = results.Row("wrk-analytics", "wrk-analytics")?.ThroughputPerSecond;
        var viaGateway = results.Row("wrk-gateway-analytics", "wrk-gateway-analytics");
        yield return viaGateway?.ThroughputPerSecond is { } g
            ? new Figure("gateway req/s (→ analytics dashboard)", Rate(g), $"direct {Rate(direct)}", Ratio(g, direct), Note: Errors(viaGateway))
            : Missing("gateway req/s (→ analytics dashboard)", "wrk-gateway-analytics");
        var p50Direct = results.Row("http-direct", "get")?.LatencyMs;
        var p50Gateway = results.Row("http-gateway", "get")?.LatencyMs;
        yield return p50Direct is not null && p50Gateway is not null
            ? new Figure("gateway p50 / p99 (dashboard, steady rate)", $"{Ms(p50Gateway.P50)} / {Ms(p50Gateway.P99)}",
                $"direct {Ms(p50Direct.P50)} / {Ms(p50Direct.P99)}", Ratio(p50Gateway.P50, p50Direct.P50), "p50 ≤ direct + 1 ms",
                p50Gateway.P50 <= p50Direct.P50 + 1)
            : Missing("gateway p50 / p99 (dashboard, steady rate)", "http-direct/http-gateway");
    }

    private static Figure Throughput(RowResult? row, string name, double? baseline, string baselineText, double? minRatio, string? target)
    {
        if (row?.ThroughputPerSecond is not { } value)
        {
            return Missing(name, row?.Note);
        }

        var ratio = Ratio(value, baseline);
        return new Figure(name, Rate(value), baselineText, ratio, target, minRatio is { } m && ratio is { } r ? r >= m : null, Errors(row));
    }

    private static Figure LatencyFigure(RowResult? row, string name, double? targetMs)
    {
        if (row?.LatencyMs is not { } l)
        {
            return Missing(name, row?.Note ?? (row is not null ? Errors(row) : null));
        }

        return new Figure(name, $"p50 {Ms(l.P50)} / p99 {Ms(l.P99)}", targetMs is { } t ? $"target {Ms(t)} (aim {Ms(t / 10)})" : null,
            targetMs is { } target ? Math.Round(l.P99 / target, 3) : null, targetMs is { } t2 ? $"p99 ≤ {Ms(t2)}" : null,
            targetMs is { } t3 ? l.P99 <= t3 : null, Errors(row));
    }

    private static Figure Telegram(RowResult? row)
    {
        if (row is null || row.ThroughputPerSecond is not { } sends)
        {
            return Missing("Telegram sends/s", row?.Note);
        }

        var http429 = row.Extra.GetValueOrDefault("http429");
        return new Figure("Telegram sends/s", Rate(sends), "Bot API cap 30/s", Ratio(sends, 30), "≤ 30/s, 0 × 429",
            sends <= 30.5 && http429 == 0, $"429s: {http429:0}" + (row.Note is { } n ? $"; {n}" : ""));
    }

    private static Figure Missing(string name, string? note) => new(name, "-", Note: note ?? "not measured in this run");

    private static string? Errors(RowResult row) => row.Failed > 0 || row.ErrorKinds.Count > 0
        ? string.Join(", ", row.ErrorKinds.Select(e => $"{e.Key} {e.Value}"))
        : row.Note;

    private static double? Ratio(double value, double? baseline) => baseline is > 0 ? Math.Round(value / baseline.Value, 3) : null;

    private static string Rate(double? perSecond) => perSecond is { } r ? r.ToString(r >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + "/s" : "-";

    private static string Ms(double ms) => ms >= 1000
        ? (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : ms.ToString(ms >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) + " ms";
}
