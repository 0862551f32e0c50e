using HdrHistogram;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Exactly-once accounting of the mails a pipeline run caused: every mail expected (a lesson sent, a payment, a
/// reminder falling due) is expected once in the mailbox, under a key its mail can be found by. A mail's latency
/// counts from the moment it was due: an immediate mail's scheduled post time (not when the POST went out or was
/// answered), so a backlog anywhere before the SMTP server is in the figure; a reminder's due time.
/// </summary>
public sealed class MailLedger
{
    /// <summary>The kind of every mail of the lessons-only pipeline.</summary>
    public const string LessonKind = "lesson";

    private readonly Dictionary<string, Entry> _mails = new(StringComparer.Ordinal);
    private long _unknown;

    /// <summary>Mails that carried this run's marker but a key the run never expected (or whose POST failed).</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public static string Key(Guid id) => id.ToString("N");

    public void Sent(Guid lessonId, DateTimeOffset scheduledAt, int step) => Expect(Key(lessonId), scheduledAt, step, LessonKind);

    /// <summary>One mail of <paramref name="kind"/> is expected under <paramref name="key"/>, due at <paramref name="dueAt"/>.</summary>
    public void Expect(string key, DateTimeOffset dueAt, int step, string kind)
    {
        lock (_mails)
        {
            _mails[key] = new Entry(dueAt, step, kind);
        }
    }

    public void Delivered(Guid lessonId, DateTimeOffset writtenAt) => Delivered(Key(lessonId), writtenAt);

    public void Delivered(string key, DateTimeOffset writtenAt)
    {
        lock (_mails)
        {
            if (!_mails.TryGetValue(key, out var entry))
            {
                _unknown++;
                return;
            }

            entry.Copies++;
            entry.FirstWrittenAt = entry.FirstWrittenAt is { } first && first <= writtenAt ? first : writtenAt;
        }
    }

    /// <summary>Whether every mail of <paramref name="step"/> has arrived at least once.</summary>
    public bool Complete(int step)
    {
        lock (_mails)
        {
            return _mails.Values.Where(e => e.Step == step).All(e => e.Copies > 0);
        }
    }

    /// <summary>The kinds of mail expected in <paramref name="step"/>, in order of name.</summary>
    public IReadOnlyList<string> Kinds(int step)
    {
        lock (_mails)
        {
            return _mails.Values.Where(e => e.Step == step).Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The mails of <paramref name="step"/>, all of them or those of one <paramref name="kind"/>.</summary>
    public MailTally Tally(int step, string? kind = null)
    {
        var latencies = new LongHistogram(3_600_000_000, 3);
        long sent = 0, delivered = 0, lost = 0, duplicated = 0;
        DateTimeOffset? last = null;
        lock (_mails)
        {
            foreach (var entry in _mails.Values.Where(e => e.Step == step && (kind is null || e.Kind == kind)))
            {
                sent++;
                if (entry.FirstWrittenAt is not { } written)
                {
                    lost++;
                    continue;
                }

                delivered++;
                duplicated += entry.Copies - 1;
                latencies.RecordValue(Math.Clamp(Latency.MicrosecondsSinceIntended(entry.DueAt, written), 1, 3_600_000_000));
                last = last is { } l && l >= written ? l : written;
            }
        }

        return new MailTally(sent, delivered, lost, duplicated, latencies, last);
    }

    private sealed class Entry(DateTimeOffset dueAt, int step, string kind)
    {
        public DateTimeOffset DueAt { get; } = dueAt;
        public int Step { get; } = step;
        public string Kind { get; } = kind;
        public int Copies { get; set; }
        public DateTimeOffset? FirstWrittenAt { get; set; }
    }
}

/// <summary>
/// One step's mails: <see cref="Lost"/> expected mails that never came, <see cref="Duplicated"/> mails beyond the
/// first per key; latencies (µs) of each key's first mail from when it was due.
/// </summary>
public sealed record MailTally(long Sent, long Delivered, long Lost, long Duplicated, HistogramBase Latencies, DateTimeOffset? LastWrittenAt)
{
    public bool ExactlyOnce => Lost == 0 && Duplicated == 0;
}
