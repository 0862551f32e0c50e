using System.Globalization;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>What one rate of the pipeline run came to, and whether the suite sustained it.</summary>
public sealed record PipelineStep(double Rate, RowResult Rest, MailTally Mail, DateTimeOffset StartedAt, long DashboardExpected,
    long DashboardShown, double? DashboardLagMs, IReadOnlyDictionary<string, double> CpuMs, double CpuWindowSeconds)
{
    public const double RestP99LimitMs = 100;
    public const double MailP99LimitMs = 1000;

    /// <summary>What one arrival is ("lesson", or "event" in a mix): CPU figures are per one of these.</summary>
    public string Unit { get; init; } = "lesson";

    /// <summary>A mix's REST calls by kind (rows named "rest KIND"); empty when every call is a completed lesson.</summary>
    public IReadOnlyDictionary<string, RowResult> RestByKind { get; init; } = new Dictionary<string, RowResult>();

    /// <summary>A mix's mails by kind; empty when every mail is a lesson's.</summary>
    public IReadOnlyDictionary<string, MailTally> MailByKind { get; init; } = new Dictionary<string, MailTally>();

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
            failures.Add($"{Mail.Lost} e-mails lost{ByKind(t => t.Lost)}");
        }

        if (Mail.Duplicated > 0)
        {
            failures.Add($"{Mail.Duplicated} e-mails duplicated{ByKind(t => t.Duplicated)}");
        }

        if (DashboardShown != DashboardExpected)
        {
            failures.Add($"dashboard {DashboardShown} ≠ {DashboardExpected}");
        }

        return failures;
    }

    public bool Passed => Failures().Count == 0;

    /// <summary>" (payment 2, reminder 1)": the kinds a count comes from, in a mix.</summary>
    private string ByKind(Func<MailTally, long> count)
    {
        var parts = MailByKind.Where(k => count(k.Value) > 0).Select(k => $"{k.Key} {count(k.Value)}").ToList();
        return parts.Count > 0 ? $" ({string.Join(", ", parts)})" : "";
    }

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
        foreach (var (kind, row) in RestByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return row with { Name = $"rest {kind} {Tag}" };
        }

        yield return EmailRow($"email {Tag}", Mail);
        foreach (var (kind, tally) in MailByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return EmailRow($"email {kind} {Tag}", tally);
        }
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
        yield return new RowResult { Name = $"cpu {Tag}", Note = $"CPU ms per {Unit}", Extra = perLesson };
        var net = NetCpuMsPerLesson(idleMsPerSecond);
        net["total"] = Math.Round(net.Values.Sum(), 3);
        yield return new RowResult { Name = $"cpu net {Tag}", Note = $"CPU ms per {Unit} less idle", Extra = net };
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

    private RowResult EmailRow(string name, MailTally mail)
    {
        var window = mail.LastWrittenAt is { } last ? (last - StartedAt).TotalSeconds : 0;
        return new RowResult
        {
            Name = name, Count = mail.Sent, Succeeded = mail.Delivered, Failed = mail.Lost,
            ThroughputPerSecond = window > 0 ? Math.Round(mail.Delivered / window, 2) : null,
            LatencyMs = RowSummary.Summarize(mail.Latencies),
            ErrorKinds = mail.Lost > 0 ? new Dictionary<string, long> { ["not_delivered"] = mail.Lost } : [],
            Extra = new Dictionary<string, double> { ["lost"] = mail.Lost, ["duplicated"] = mail.Duplicated },
        };
    }
}
