using System.Diagnostics;
using System.Globalization;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Pipeline;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// The whole pipeline at stepped constant rates: lessons posted over REST through the gateway as a tutor,
/// each followed to its e-mail in the SMTP sink's Maildir (exactly once, matched by lesson id) and to its
/// count on the dashboard. Each rate runs for --duration; stepping stops after the first rate that fails
/// REST p99 ≤ 100 ms, e-mail p99 ≤ 1 s, exactly-once or the dashboard count. CPU per lesson is read per
/// process from /proc over each step.
/// </summary>
public sealed class PipelineScenario : Scenario
{
    private const int Students = 20;

    public override string Name => "pipeline";

    public override string Summary => "lessons over REST through --gateway at each of --rates, each followed to its mail in --maildir and the dashboard";

    public override IEnumerable<Target> Targets(CommandLine options) => [new("gateway", options.Require("gateway"))];

    public override Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken) =>
        RunSteppedAsync(run, Name, async (setup, ct) =>
        {
            var students = await setup.Client.CreateStudentsAsync(setup.RunId, Students, ct);
            return new LessonLoad(setup.Client, new LessonMailbox(setup.Maildir, setup.RunId), students);
        }, cancellationToken);

    /// <summary>What a stepped pipeline scenario's load is made from.</summary>
    public sealed record Setup(PipelineClient Client, string RunId, string Maildir, IReadOnlyList<double> Rates, TimeSpan Duration,
        long Warmup, CommandLine Options);

    /// <summary>
    /// A stepped run (<see cref="SteppedRun"/>) through the gateway of the load <paramref name="makeLoad"/> makes:
    /// the options, probes and result shared by <c>pipeline</c> and <c>pipeline-mixed</c>.
    /// </summary>
    public static async Task<ScenarioResult> RunSteppedAsync(ScenarioRun run, string name, Func<Setup, CancellationToken, Task<IStepLoad>> makeLoad,
        CancellationToken cancellationToken)
    {
        var options = run.Options;
        var gateway = options.Require("gateway");
        var maildir = options.Require("maildir");
        if (!Directory.Exists(Path.Combine(maildir, "new")))
        {
            throw new TargetUnreachableException("the SMTP Maildir", maildir, "no 'new' folder");
        }

        var rates = ParseRates(options.Get("rates") ?? "50,100,200,500,1000");
        var wait = TimeSpan.FromSeconds(options.GetSeconds("timeout", 30));
        await HttpTargets.ProbeAsync("gateway", gateway, cancellationToken);
        var token = options.Get("tutor-token") ?? options.Require("token");
        if (options.Get("rabbitmq") is { } rabbitMq)
        {
            await TutorRegistration.PublishAsync(rabbitMq, token, cancellationToken);
        }

        using var http = HttpTargets.Create(gateway, token, run.Plan.Concurrency);
        var client = new PipelineClient(http);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var warmup = Math.Max(Students, options.GetLong("warmup", 200, 0));
        var load = await makeLoad(new Setup(client, runId, maildir, rates, run.Plan.Duration, warmup, options), cancellationToken);
        var ledger = new MailLedger();
        var groups = new ProcessGroups(ParsePids(options.Get("pids")), options.Get("database"));

        var stepped = new SteppedRun(client, load, ledger, groups, run.Plan, wait);
        await stepped.WarmUpAsync(rates[0], warmup, maildir, cancellationToken);
        var steps = new List<PipelineStep>();
        var started = Stopwatch.GetTimestamp();
        var rows = await stepped.RunAsync(name, rates, steps, () =>
        {
            started = Stopwatch.GetTimestamp();
            run.MarkStarted();
        }, cancellationToken);
        // The run's header names the last rate stepped to and every arrival posted, not the plan's single rate.
        return run.Result(name, rows, Stopwatch.GetElapsedTime(started), gateway) with
        {
            RatePerSecond = steps[^1].Rate, Planned = steps.Sum(s => s.Rest.Count),
        };
    }

    public static IReadOnlyList<double> ParseRates(string text)
    {
        var rates = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0 || rate > 100_000)
            {
                throw new UsageException($"--rates must be rates per second above 0 and at most 100000, comma-separated, not '{text}'");
            }

            rates.Add(rate);
        }

        return rates.Count > 0 ? rates : throw new UsageException("--rates needs at least one rate");
    }

    public static IReadOnlyDictionary<string, int> ParsePids(string? text)
    {
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            {
                throw new UsageException($"--pids takes NAME=PID pairs separated by commas, not '{pair}'");
            }

            pids[parts[0]] = pid;
        }

        return pids;
    }
}
