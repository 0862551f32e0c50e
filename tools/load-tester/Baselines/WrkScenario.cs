using System.Globalization;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// wrk against one URL: the requests-per-second ceiling of a bare Kestrel endpoint, of the gateway
/// (YARP) and of nginx in front of the same backend, and of a service called directly.
/// </summary>
public sealed class WrkScenario : Scenario
{
    public override string Name => "wrk";

    public override string Summary => "wrk --latency against --url (--connections, --threads, --duration, --token), after an unrecorded warm-up (--warmup-seconds, default a fifth of it)";

    public override double? DefaultRate => null;

    public override IEnumerable<Target> Targets(CommandLine options) => [new("--url", options.Require("url"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var url = run.Options.Require("url");
        var seconds = (int)Math.Ceiling(run.Options.GetSeconds("duration", 10));
        var arguments = new List<string>
        {
            "--latency",
            "-t", run.Options.GetLong("threads", 2, 1, 64).ToString(CultureInfo.InvariantCulture),
            "-c", run.Options.GetLong("connections", 32, 1, 10_000).ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", $"{(int)run.Options.GetSeconds("timeout", 10)}s",
        };
        if (run.Options.Get("token") is { } token)
        {
            arguments.AddRange(["-H", $"Authorization: Bearer {token}"]);
        }

        arguments.Add(url);
        // An unrecorded run first: the first seconds of a .NET server are JIT and tiering (longer on a busy
        // machine), not its steady speed. Every target of one comparison gets the same warm-up.
        var warmupSeconds = (int)Math.Ceiling(run.Options.GetSeconds("warmup-seconds", Math.Max(1, seconds / 5)));
        var warmup = arguments.ToList();
        warmup[warmup.IndexOf("-d") + 1] = $"{warmupSeconds}s";
        await ExternalTool.RunAsync("wrk", warmup, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var output = await ExternalTool.RunAsync("wrk", arguments, cancellationToken);
        return run.Result(Name, [WrkOutput.Parse(run.Label, output)], DateTimeOffset.UtcNow - started, url);
    }
}
