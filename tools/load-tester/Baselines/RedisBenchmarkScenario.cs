using System.Globalization;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// redis-benchmark with 16 commands pipelined (analytics pipelines its counter updates) on database 15,
/// so its keys never mix with the product's (database 0).
/// </summary>
public sealed class RedisBenchmarkScenario : Scenario
{
    public override string Name => "baseline-redis";

    public override string Summary => "redis-benchmark -P 16 (SET, GET, INCR, HSET) against --redis, database 15";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("Redis", options.Require("redis"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var address = run.Options.Require("redis").Split(',')[0];
        var host = address.Split(':')[0];
        var port = address.Contains(':', StringComparison.Ordinal) ? address.Split(':')[1] : "6379";
        var started = DateTimeOffset.UtcNow;
        var output = await ExternalTool.RunAsync("redis-benchmark",
            ["-h", host, "-p", port, "--dbnum", "15", "-q", "--csv", "-P", "16", "-t", "set,get,incr,hset",
             "-n", run.Options.GetLong("count", 100_000, 1000, 100_000_000).ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
        var count = run.Options.GetLong("count", 100_000, 1000, 100_000_000);
        return run.Result(Name, Parse(output).Select(r => r with { Count = count, Succeeded = count }), DateTimeOffset.UtcNow - started, address);
    }

    /// <summary>Rows from redis-benchmark's CSV ("test","rps","avg_latency_ms",...,"p50_latency_ms","p95","p99","max").</summary>
    public static List<RowResult> Parse(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())
        .Where(f => f.Length >= 8 && double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        .Select(f =>
        {
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new RowResult
            {
                Name = "redis " + f[0].Split(' ')[0].ToLowerInvariant(),
                ThroughputPerSecond = D(1),
                LatencyMs = new LatencySummary(D(4), D(5), D(6), D(7), D(7), D(2)),
                Note = "pipelined 16; p90 column is p95",
            };
        }).ToList();
}
