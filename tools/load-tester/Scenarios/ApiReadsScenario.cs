using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// API reads through the gateway with a JWT, in a configurable mix. Each endpoint is its own row;
/// an endpoint this suite does not have yet shows as "endpoint not available (404)".
/// </summary>
public sealed class ApiReadsScenario : Scenario
{
    public override string Name => "api-reads";

    public override string Summary => "dashboard, chart and quick-report reads through the gateway in a --mix";

    public override IEnumerable<Target> Targets(CommandLine options) => [new("gateway", options.Require("gateway"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var gateway = run.Options.Require("gateway");
        var mix = ReadMix.Parse(run.Options.Get("mix") ?? ReadMix.Default);
        await HttpTargets.ProbeAsync("gateway", gateway, cancellationToken);
        using var client = HttpTargets.Create(gateway, run.Options.Require("token"), run.Plan.Concurrency);
        foreach (var endpoint in mix.Endpoints)
        {
            run.Recorder.Tally(endpoint.Name);
        }

        var elapsed = await run.DriveAsync("read", async (context, ct) =>
        {
            var endpoint = mix.Pick(context.Index);
            using var response = await client.GetAsync(new Uri(endpoint.Path(context.Index), UriKind.Relative),
                HttpCompletionOption.ResponseContentRead, ct);
            return HttpTargets.OutcomeOf(endpoint.Name, response);
        }, cancellationToken);
        return run.Result(Name, RowSummary.From(run.Recorder, elapsed), elapsed, gateway);
    }
}
