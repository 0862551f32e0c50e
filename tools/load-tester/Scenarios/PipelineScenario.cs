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
    private static readonly TimeSpan ScanEvery = TimeSpan.FromMilliseconds(500);
    // Long enough for a second copy of a mail (a redelivery) to land before the step is judged.
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(2);

    public override string Name => "pipeline";

    public override string Summary => "lessons over REST through --gateway at each of --rates, each followed to its mail in --maildir and the dashboard";

    public override IEnumerable<Target> Targets(CommandLine options) => [new("gateway", options.Require("gateway"))];

    public override async Task<ScenarioResult> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
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
        using var http = HttpTargets.Create(gateway, options.Get("tutor-token") ?? options.Require("token"), run.Plan.Concurrency);
        var client = new PipelineClient(http);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var mailbox = new LessonMailbox(maildir, runId);
        var ledger = new MailLedger();
        var students = await client.CreateStudentsAsync(runId, Students, cancellationToken);
        var groups = new ProcessGroups(ParsePids(options.Get("pids")), options.Get("database"));

        // Warm-up at the first rate: JIT, pools and notification's recipients projection, none of it recorded.
        var warmup = Math.Max(Students, options.GetLong("warmup", 200, 0));
        var warm = await RunStepAsync(client, mailbox, ledger, students, -1, rates[0], TimeSpan.FromSeconds(warmup / rates[0]), run.Plan,
            wait * 2, null, cancellationToken);
        if (warm.Mail.Lost > 0)
        {
            throw new TargetUnreachableException("notification", maildir,
                $"{warm.Mail.Lost} of {warm.Mail.Sent} warm-up mails did not arrive within {wait.TotalSeconds * 2:0} s");
        }

        var idle = await IdleCpuAsync(groups, cancellationToken);
        var rows = new List<RowResult> { idle };
        var steps = new List<PipelineStep>();
        var started = Stopwatch.GetTimestamp();
        run.MarkStarted();
        for (var i = 0; i < rates.Count; i++)
        {
            var step = await RunStepAsync(client, mailbox, ledger, students, i, rates[i], run.Plan.Duration, run.Plan, wait, groups,
                cancellationToken);
            steps.Add(step);
            Console.Error.WriteLine($"  pipeline {step.Tag}: {(step.Passed ? "passed" : "failed: " + string.Join("; ", step.Failures()))}");
            if (!step.Passed)
            {
                break;
            }
        }

        // A mail that came after its step's wait is late, not lost: the failed step is given one more wait, and
        // copies that arrived late still count against the step they belong to.
        var lateDeadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            mailbox.Scan(ledger, steps[0].StartedAt.AddSeconds(-1));
            if (Enumerable.Range(0, steps.Count).All(ledger.Complete) || DateTimeOffset.UtcNow > lateDeadline)
            {
                break;
            }

            await Task.Delay(ScanEvery, cancellationToken);
        }

        steps = steps.Select((s, i) => s with { Mail = ledger.Tally(i) }).ToList();
        rows.AddRange(steps.SelectMany(s => s.Rows(idle.Extra)));
        var sustained = steps.TakeWhile(s => s.Passed).Select(s => (double?)s.Rate).LastOrDefault();
        rows.Add(new RowResult
        {
            Name = "sustained", ThroughputPerSecond = sustained,
            Note = sustained is null ? "no rate sustained" : "highest rate with every check passed",
            Extra = ledger.Unknown > 0 ? new Dictionary<string, double> { ["unknownMails"] = ledger.Unknown } : [],
        });
        // The run's header names the last rate stepped to and every lesson posted, not the plan's single rate.
        return run.Result(Name, rows, Stopwatch.GetElapsedTime(started), gateway) with
        {
            RatePerSecond = steps[^1].Rate, Planned = steps.Sum(s => s.Rest.Count),
        };
    }

    private static async Task<PipelineStep> RunStepAsync(PipelineClient client, LessonMailbox mailbox, MailLedger ledger, Guid[] students,
        int step, double rate, TimeSpan duration, RunPlan bounds, TimeSpan wait, ProcessGroups? groups, CancellationToken cancellationToken)
    {
        var dashboardBefore = await SettledDashboardAsync(client, wait, cancellationToken);
        var cpuBefore = groups?.Take();
        var cpuWindow = Stopwatch.StartNew();
        var recorder = new ResultRecorder();
        var plan = new RunPlan(new ArrivalSchedule(rate), long.MaxValue, duration, bounds.Concurrency, bounds.Timeout);
        var startedAt = DateTimeOffset.UtcNow;
        var elapsed = await new OpenModelRunner(recorder).RunAsync(plan, PipelineClient.Rest, async (context, ct) =>
        {
            var lessonId = Guid.NewGuid();
            var outcome = await client.CompleteLessonAsync(lessonId, students[context.Slot(students.Length)], mailbox.Subject(lessonId),
                context.IntendedAt, ct);
            if (outcome.Succeeded)
            {
                ledger.Sent(lessonId, context.IntendedAt, step);
            }

            return outcome;
        }, cancellationToken);
        var sentDone = DateTimeOffset.UtcNow;

        var deadline = sentDone + wait;
        while (true)
        {
            mailbox.Scan(ledger, startedAt.AddSeconds(-1));
            if (ledger.Complete(step) || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(ScanEvery, cancellationToken);
        }

        await Task.Delay(DuplicateGrace, cancellationToken);
        mailbox.Scan(ledger, startedAt.AddSeconds(-1));
        var rest = RowSummary.From(recorder, elapsed).FirstOrDefault() ?? new RowResult { Name = PipelineClient.Rest };
        var expected = dashboardBefore + rest.Succeeded;
        var shown = await client.LessonsOnDashboardAsync(cancellationToken);
        while (shown != expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(ScanEvery, cancellationToken);
            shown = await client.LessonsOnDashboardAsync(cancellationToken);
        }

        double? lag = shown == expected ? (DateTimeOffset.UtcNow - sentDone).TotalMilliseconds : null;
        var cpu = cpuBefore is not null ? CpuSnapshot.Delta(cpuBefore, groups!.Take(), ProcessGroups.TicksPerSecond) : [];
        return new PipelineStep(rate, rest, ledger.Tally(step), startedAt, expected, shown, lag, cpu, cpuWindow.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The dashboard's count once it stops moving: lessons whose POST the client gave up on (its time limit) may
    /// still be recorded by the server and counted after the step that sent them, and must not be charged to the next.
    /// </summary>
    private static async Task<long> SettledDashboardAsync(PipelineClient client, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        var count = await client.LessonsOnDashboardAsync(cancellationToken);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var again = await client.LessonsOnDashboardAsync(cancellationToken);
            if (again == count)
            {
                break;
            }

            count = again;
        }

        return count;
    }

    /// <summary>What the processes use doing nothing for five seconds (ms per second), to read the per-lesson figures against.</summary>
    private static async Task<RowResult> IdleCpuAsync(ProcessGroups groups, CancellationToken cancellationToken)
    {
        var before = groups.Take();
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var used = CpuSnapshot.Delta(before, groups.Take(), ProcessGroups.TicksPerSecond);
        return new RowResult
        {
            Name = "cpu idle", Note = "CPU ms per second with no load",
            Extra = used.ToDictionary(u => u.Key, u => Math.Round(u.Value / watch.Elapsed.TotalSeconds, 2), StringComparer.Ordinal),
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
