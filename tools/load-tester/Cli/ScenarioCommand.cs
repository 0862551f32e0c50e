using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Cli;

/// <summary>Runs one scenario: bounds from the options, the loopback guard, the run, the table and the JSON file.</summary>
public static class ScenarioCommand
{
    public static RunPlan PlanFrom(CommandLine options, Scenario scenario) => new(
        new ArrivalSchedule(options.GetRate(scenario.DefaultRate ?? 0) is var rate && scenario.DefaultRate is null && !options.Has("rate") ? null : rate),
        options.GetLong("count", 500),
        TimeSpan.FromSeconds(options.GetSeconds("duration", 20)),
        (int)options.GetLong("concurrency", 256, 1, 100_000),
        TimeSpan.FromSeconds(options.GetSeconds("timeout", 30)),
        options.GetLong("warmup", 0, 0, 1_000_000));

    public static async Task<int> RunAsync(Scenario scenario, CommandLine options, CancellationToken cancellationToken)
    {
        var plan = PlanFrom(options, scenario);
        LoopbackGuard.Check(scenario.Targets(options), options.Has("allow-remote"));
        var run = new ScenarioRun(options, plan, options.Get("label") ?? scenario.Name, options.Has("quiet"), Console.Error);
        var result = await scenario.RunAsync(run, cancellationToken);
        Console.Write(ResultTable.Render(result));
        var output = options.Get("output") ?? Path.Combine("results", $"{result.Label}.json");
        await JsonReport.WriteAsync(result, output);
        Console.WriteLine($"  result: {output}");
        return result.Rows.Any(r => r.Failed > 0 && r.Note is null) ? 1 : 0;
    }
}
