using System.Diagnostics;
using Repitbot.LoadTester.Engine;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// The stepped part of the pipeline scenarios: a warm-up at the first rate, the processes' idle CPU, then each rate
/// for the step's duration (open model), every expected mail followed to the Maildir and the completed lessons to
/// the dashboard; stepping stops after the first rate that fails (<see cref="PipelineStep.Failures"/>).
/// </summary>
public sealed class SteppedRun(PipelineClient client, IStepLoad load, MailLedger ledger, ProcessGroups groups, RunPlan bounds, TimeSpan wait)
{
    private static readonly TimeSpan ScanEvery = TimeSpan.FromMilliseconds(500);
    // Long enough for a second copy of a mail (a redelivery) to land before the step is judged.
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(2);

    /// <summary>The warm-up at the first rate: JIT, pools and notification's recipients projection, none of it recorded.</summary>
    public async Task WarmUpAsync(double rate, long arrivals, string maildir, CancellationToken cancellationToken)
    {
        var warm = await RunStepAsync(-1, rate, TimeSpan.FromSeconds(arrivals / rate), wait * 2, null, cancellationToken);
        if (warm.Mail.Lost > 0)
        {
            throw new TargetUnreachableException("notification", maildir,
                $"{warm.Mail.Lost} of {warm.Mail.Sent} warm-up mails did not arrive within {wait.TotalSeconds * 2:0} s");
        }
    }

    /// <summary>The idle CPU row, then every step's rows and the "sustained" row; the steps run are in <paramref name="steps"/>.</summary>
    public async Task<List<RowResult>> RunAsync(string name, IReadOnlyList<double> rates, List<PipelineStep> steps, Action started,
        CancellationToken cancellationToken)
    {
        var idle = await IdleCpuAsync(cancellationToken);
        var rows = new List<RowResult> { idle };
        started();
        for (var i = 0; i < rates.Count; i++)
        {
            var step = await RunStepAsync(i, rates[i], bounds.Duration, wait, groups, cancellationToken);
            steps.Add(step);
            Console.Error.WriteLine($"  {name} {step.Tag}: {(step.Passed ? "passed" : "failed: " + string.Join("; ", step.Failures()))}");
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
            load.Scan(ledger, steps[0].StartedAt.AddSeconds(-1));
            if (Enumerable.Range(0, steps.Count).All(ledger.Complete) || DateTimeOffset.UtcNow > lateDeadline)
            {
                break;
            }

            await Task.Delay(ScanEvery, cancellationToken);
        }

        var final = steps.Select((s, i) => s with { Mail = ledger.Tally(i), MailByKind = TallyByKind(i) }).ToList();
        steps.Clear();
        steps.AddRange(final);
        rows.AddRange(steps.SelectMany(s => s.Rows(idle.Extra)));
        var sustained = steps.TakeWhile(s => s.Passed).Select(s => (double?)s.Rate).LastOrDefault();
        rows.Add(new RowResult
        {
            Name = "sustained", ThroughputPerSecond = sustained,
            Note = sustained is null ? "no rate sustained" : "highest rate with every check passed",
            Extra = ledger.Unknown > 0 ? new Dictionary<string, double> { ["unknownMails"] = ledger.Unknown } : [],
        });
        return rows;
    }

    /// <summary>Each kind's mails when the step expected more than one kind; empty for the lessons-only pipeline.</summary>
    private Dictionary<string, MailTally> TallyByKind(int step)
    {
        var kinds = ledger.Kinds(step);
        return kinds.Count > 1 ? kinds.ToDictionary(k => k, k => ledger.Tally(step, k), StringComparer.Ordinal) : [];
    }

    private async Task<PipelineStep> RunStepAsync(int step, double rate, TimeSpan duration, TimeSpan stepWait, ProcessGroups? cpuGroups,
        CancellationToken cancellationToken)
    {
        var dashboardBefore = await SettledDashboardAsync(stepWait, cancellationToken);
        var cpuBefore = cpuGroups?.Take();
        var cpuWindow = Stopwatch.StartNew();
        var recorder = new ResultRecorder();
        var plan = new RunPlan(new ArrivalSchedule(rate), long.MaxValue, duration, bounds.Concurrency, bounds.Timeout);
        var startedAt = DateTimeOffset.UtcNow;
        load.BeginStep(step, rate, duration, startedAt);
        var elapsed = await new OpenModelRunner(recorder).RunAsync(plan, PipelineClient.Rest,
            (context, ct) => load.ArriveAsync(step, context, ledger, ct), cancellationToken);
        var sentDone = DateTimeOffset.UtcNow;

        // A reminder due after the last post is waited for from its due time.
        var deadline = sentDone + stepWait;
        while (true)
        {
            load.Scan(ledger, startedAt.AddSeconds(-1));
            if (ledger.Complete(step) || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(ScanEvery, cancellationToken);
        }

        await Task.Delay(DuplicateGrace, cancellationToken);
        load.Scan(ledger, startedAt.AddSeconds(-1));
        var restRows = RowSummary.From(recorder, elapsed);
        var rest = RestTotal(restRows, recorder, elapsed);
        var expected = dashboardBefore + load.LessonsCompleted(step);
        var shown = await client.LessonsOnDashboardAsync(cancellationToken);
        while (shown != expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(ScanEvery, cancellationToken);
            shown = await client.LessonsOnDashboardAsync(cancellationToken);
        }

        double? lag = shown == expected ? (DateTimeOffset.UtcNow - sentDone).TotalMilliseconds : null;
        var cpu = cpuBefore is not null ? CpuSnapshot.Delta(cpuBefore, cpuGroups!.Take(), ProcessGroups.TicksPerSecond) : [];
        return new PipelineStep(rate, rest, ledger.Tally(step), startedAt, expected, shown, lag, cpu, cpuWindow.Elapsed.TotalSeconds)
        {
            Unit = load.Unit, MailByKind = TallyByKind(step),
            RestByKind = restRows.Where(r => r.Name.StartsWith(PipelineClient.Rest + " ", StringComparison.Ordinal))
                .ToDictionary(r => r.Name[(PipelineClient.Rest.Length + 1)..], r => r, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// All of a step's REST calls as one row: the only row when every call is one kind, else the kinds' rows merged
    /// (latencies from every success, errors of every kind, calls that failed before naming their kind included).
    /// </summary>
    public static RowResult RestTotal(IReadOnlyList<RowResult> rows, ResultRecorder recorder, TimeSpan elapsed)
    {
        if (rows.Count == 1 && rows[0].Name == PipelineClient.Rest)
        {
            return rows[0];
        }

        if (rows.Count == 0)
        {
            return new RowResult { Name = PipelineClient.Rest };
        }

        var succeeded = rows.Sum(r => r.Succeeded);
        var errors = rows.SelectMany(r => r.ErrorKinds).GroupBy(e => e.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        return new RowResult
        {
            Name = PipelineClient.Rest, Count = rows.Sum(r => r.Count), Succeeded = succeeded, Failed = rows.Sum(r => r.Failed),
            ThroughputPerSecond = succeeded > 0 && elapsed > TimeSpan.Zero ? succeeded / elapsed.TotalSeconds : null,
            LatencyMs = RowSummary.Summarize(recorder.Overall()), ErrorKinds = errors,
        };
    }

    /// <summary>
    /// The dashboard's count once it stops moving: lessons whose POST the client gave up on (its time limit) may
    /// still be recorded by the server and counted after the step that sent them, and must not be charged to the next.
    /// </summary>
    private async Task<long> SettledDashboardAsync(TimeSpan stepWait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + stepWait;
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

    /// <summary>What the processes use doing nothing for five seconds (ms per second), to read the per-arrival figures against.</summary>
    private async Task<RowResult> IdleCpuAsync(CancellationToken cancellationToken)
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
}
