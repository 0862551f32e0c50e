using System.Text.RegularExpressions;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// Finds the mails a run caused in the SMTP sink's Maildir. Each lesson of the run carries a marker
/// (<c>lt-RUN-INDEX</c>) as its subject, which the template prints in the body; the file's write time
/// is when the SMTP server accepted the mail, so its latency is intended send → accepted by SMTP.
/// </summary>
public sealed partial class MaildirWatcher(string maildir, string runId)
{
    public const string Operation = "delivered";
    private readonly Dictionary<long, DateTimeOffset> _sent = [];
    private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);

    public string Marker(long index) => $"lt-{runId}-{index}";

    public void Sent(long index, DateTimeOffset intendedAt)
    {
        lock (_sent)
        {
            _sent[index] = intendedAt;
        }
    }

    /// <summary>Waits for the given markers alone (the warm-up mails that prove the recipients are known).</summary>
    public async Task<bool> WaitForAsync(IEnumerable<long> indexes, DateTimeOffset since, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var waiting = indexes.ToHashSet();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            waiting.ExceptWith(Scan(since).Select(m => m.Index));
            if (waiting.Count == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return false;
    }

    public async Task CollectAsync(ResultRecorder recorder, DateTimeOffset runStart, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<long, DateTimeOffset>(_sent);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (missing.Count > 0)
        {
            foreach (var (index, writtenAt) in Scan(runStart.AddSeconds(-1)))
            {
                if (missing.Remove(index, out var intendedAt))
                {
                    recorder.Record(Outcome.Ok(Operation), Latency.MicrosecondsSinceIntended(intendedAt, writtenAt), writtenAt - runStart);
                }
            }

            if (missing.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        foreach (var _ in missing)
        {
            recorder.Record(Outcome.Failed(Operation, "not_delivered"), 0, TimeSpan.Zero);
        }
    }

    private List<(long Index, DateTimeOffset WrittenAt)> Scan(DateTimeOffset since)
    {
        var found = new List<(long, DateTimeOffset)>();
        var folder = new DirectoryInfo(Path.Combine(maildir, "new"));
        if (!folder.Exists)
        {
            throw new TargetUnreachableException("the SMTP Maildir", folder.FullName, "no such folder");
        }

        foreach (var file in folder.EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < since.UtcDateTime || !_seenFiles.Add(file.Name))
            {
                continue;
            }

            // Quoted-printable may wrap a long line inside the marker: undo soft line breaks first.
            var text = File.ReadAllText(file.FullName).Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal);
            if (MarkerPattern().Match(text) is { Success: true } match && match.Groups["run"].Value == runId)
            {
                found.Add((long.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        return found;
    }

    [GeneratedRegex(@"lt-(?<run>[0-9a-f]{8})-(?<index>-?\d+)")]
    private static partial Regex MarkerPattern();
}
