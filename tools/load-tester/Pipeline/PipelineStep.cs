using System.Globalization;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>What one rate of the pipeline run came to, and whether the suite sustained it.</summary>
public sealed record PipelineStep(double Rate, RowResult Rest, MailTally Mail, DateTimeOffset StartedAt, long DashboardExpected,
    long DashboardShown, double? DashboardLagMs, IReadOnlyDictionary<string, double> CpuMs, double CpuWindowSeconds)
{
    public const double RestP99LimitMs = 100;
    public const double MailP99LimitMs = 1000;

    public long Posted => Rest.Succeeded;

    public double? MailP99Ms => Mail.Latencies.TotalCount > 0 ? RowSummary.Summarize(Mail.Latencies)!.P99 : null;

    /// <summary>Why the step failed; empty when it passed.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (Rest.Failed > 0)
        {
            failures.Add($"{Rest.Failed} REST errors");
        }

        if (Rest.LatencyMs is not { } rest || rest.P99 > RestP99LimitMs)
        {
            failures.Add($"REST p99 > {RestP99LimitMs} ms");
        }

        if (MailP99Ms is not { } mail || mail > MailP99LimitMs)
        {
            failures.Add($"e-mail p99 > {MailP99LimitMs} ms");
        }

        if (Mail.Lost > 0)
        {
            failures.Add($"{Mail.Lost} e-mails lost");
        }

        if (Mail.Duplicated > 0)
        {
            failures.Add($"{Mail.Duplicated} e-mails duplicated");
        }

        if (DashboardShown != DashboardExpected)
        {
            failures.Add($"dashboard {DashboardShown} ≠ {DashboardExpected}");
        }

        return failures;
    }

    public bool Passed => Failures().Count == 0;

    /// <summary>CPU milliseconds per posted lesson, by process group.</summary>
    public Dictionary<string, double> CpuMsPerLesson() => CpuMs.ToDictionary(c => c.Key,
        c => Posted > 0 ? Math.Round(c.Value / Posted, 3) : 0, StringComparer.Ordinal);

    /// <summary>
    /// The same less what each process spends with no load (<paramref name="idleMsPerSecond"/>) over the step's
    /// window: at low rates a service's background loops would otherwise be charged to the few lessons.
    /// </summary>
    public Dictionary<string, double> NetCpuMsPerLesson(IReadOnlyDictionary<string, double> idleMsPerSecond) => CpuMs.ToDictionary(c => c.Key,
        c => Posted > 0 ? Math.Round(Math.Max(0, c.Value - (idleMsPerSecond.GetValueOrDefault(c.Key) * CpuWindowSeconds)) / Posted, 3) : 0,
        StringComparer.Ordinal);

    public string Tag => $"{Rate.ToString("0.##", CultureInfo.InvariantCulture)}/s";

    public IEnumerable<RowResult> Rows(IReadOnlyDictionary<string, double> idleMsPerSecond)
    {
        yield return Rest with { Name = $"rest {Tag}" };
        var window = Mail.LastWrittenAt is { } last ? (last - StartedAt).TotalSeconds : 0;
        yield return new RowResult
        {
            Name = $"email {Tag}", Count = Mail.Sent, Succeeded = Mail.Delivered, Failed = Mail.Lost,
            ThroughputPerSecond = window > 0 ? Math.Round(Mail.Delivered / window, 2) : null,
            LatencyMs = RowSummary.Summarize(Mail.Latencies),
            ErrorKinds = Mail.Lost > 0 ? new Dictionary<string, long> { ["not_delivered"] = Mail.Lost } : [],
            Extra = new Dictionary<string, double> { ["lost"] = Mail.Lost, ["duplicated"] = Mail.Duplicated },
        };
        yield return new RowResult
        {
            Name = $"dashboard {Tag}", Count = 1, Succeeded = DashboardShown == DashboardExpected ? 1 : 0,
            Failed = DashboardShown == DashboardExpected ? 0 : 1,
            Note = DashboardShown == DashboardExpected ? "count = posted" : $"shows {DashboardShown}, expected {DashboardExpected}",
            Extra = new Dictionary<string, double>
            {
                ["expected"] = DashboardExpected, ["shown"] = DashboardShown,
                ["lagMs"] = DashboardLagMs is { } lag ? Math.Round(lag) : -1,
            },
        };
        var perLesson = CpuMsPerLesson();
        perLesson["total"] = Math.Round(perLesson.Values.Sum(), 3);
        yield return new RowResult { Name = $"cpu {Tag}", Note = "CPU ms per lesson", Extra = perLesson };
        var net = NetCpuMsPerLesson(idleMsPerSecond);
        net["total"] = Math.Round(net.Values.Sum(), 3);
        yield return new RowResult { Name = $"cpu net {Tag}", Note = "CPU ms per lesson less idle", Extra = net };
        var failures = Failures();
        yield return new RowResult
        {
            Name = $"step {Tag}", Note = failures.Count == 0 ? "passed" : "failed: " + string.Join("; ", failures),
            Extra = new Dictionary<string, double>
            {
                ["rate"] = Rate, ["passed"] = failures.Count == 0 ? 1 : 0, ["cpuWindowSeconds"] = Math.Round(CpuWindowSeconds, 1),
            },
        };
    }
}
