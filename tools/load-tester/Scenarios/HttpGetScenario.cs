using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// One URL at a constant arrival rate: the latency of a service called directly, through the gateway
/// or through nginx, compared at the same rate (wrk gives the ceiling; this gives honest percentiles).
/// </summary>
public sealed class HttpGetScenario : Scenario
{
    public override string Name => "http-get";

    public override string Summary => "GET --url at --rate with --token; latency from the intended start";

    public override IEnumerable<Target> Targets(CommandLine options) => [new("--url", options.Require("url"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var url = new Uri(run.Options.Require("url"));
        await HttpTargets.ProbeAsync("--url", url.GetLeftPart(UriPartial.Authority), cancellationToken);
        using var client = HttpTargets.Create(url.GetLeftPart(UriPartial.Authority), run.Options.Get("token"), run.Plan.Concurrency);
        var elapsed = await run.DriveAsync("get", async (_, ct) =>
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
            return HttpTargets.OutcomeOf("get", response);
        }, cancellationToken);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, url.ToString());
    }
}
