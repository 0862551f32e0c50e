using Repitbot.LoadTester.Baselines;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Report;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Seeding;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Cli;

/// <summary>The commands that are not load scenarios.</summary>
public static class ToolCommands
{
    public static async Task<int> RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        switch (options.Command)
        {
            case "list":
                foreach (var scenario in ScenarioCatalog.All)
                {
                    Console.WriteLine(scenario.Name);
                }

                return 0;
            case "serve":
                return await BareKestrelServer.RunAsync((int)options.GetLong("port", 17090, 1024, 65535), cancellationToken);
            case "serve-proxy":
                return await MinimalYarpProxy.RunAsync((int)options.GetLong("port", 17091, 1024, 65535),
                    options.Require("backend"), cancellationToken);
            case "peak-memory":
                var memory = PeakMemory.Read(options.Arguments);
                Console.Write(ResultTable.Render(memory).Replace("-", " ", StringComparison.Ordinal));
                await JsonReport.WriteAsync(memory, options.Get("output") ?? "results/peak-memory.json");
                return 0;
            case "seed-events":
                return await SeedAsync(options, cancellationToken);
            case "report":
                var folder = options.Arguments.Count == 1 ? options.Arguments[0] : throw new UsageException("report needs one RESULTS_DIR");
                var results = new ResultSet(folder);
                var figures = Figures.From(results);
                Console.Write(BenchmarkReport.Terminal(figures));
                if (options.Get("markdown") is { } markdown)
                {
                    await File.WriteAllTextAsync(markdown,
                        BenchmarkReport.Markdown(figures, results, options.Get("machine") ?? MachineInfo.Describe(), options.Get("label") ?? "./bench.sh")
                        + HandWrittenNotes.From(markdown), cancellationToken);
                }

                return 0;
            default:
                throw new UsageException($"unknown command '{options.Command}'");
        }
    }

    private static async Task<int> SeedAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var postgres = options.Require("postgres");
        var redis = options.Get("redis");
        LoopbackGuard.Check(new[] { new Target("PostgreSQL", postgres) }.Concat(redis is null ? [] : [new Target("Redis", redis)]),
            options.Has("allow-remote"));
        var seeder = new EventSeeder(postgres, redis);
        var (result, tutors) = await seeder.SeedAsync(options.GetLong("count", 1_000_000, 1, 100_000_000),
            (int)options.GetLong("tutors", 20, 1, 10_000), (int)options.GetLong("days", 365, 1, 3650), cancellationToken);
        await Console.Error.WriteAsync(ResultTable.Render(result));
        await JsonReport.WriteAsync(result, options.Get("output") ?? "results/seed-events.json");
        foreach (var tutor in tutors)
        {
            Console.WriteLine(tutor);
        }

        return 0;
    }
}
