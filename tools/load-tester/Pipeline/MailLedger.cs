using HdrHistogram;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Exactly-once accounting of the mails a pipeline run caused: every lesson sent is expected once in the
/// mailbox. A mail's latency counts from the lesson's scheduled time (not when the POST went out or was
/// answered), so a backlog anywhere before the SMTP server is in the figure.
/// </summary>
public sealed class MailLedger
{
    private readonly Dictionary<Guid, Entry> _lessons = [];
    private long _unknown;

    /// <summary>Mails that carried this run's marker but a lesson the run never sent (or whose POST failed).</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public void Sent(Guid lessonId, DateTimeOffset scheduledAt, int step)
    {
        lock (_lessons)
        {
            _lessons[lessonId] = new Entry(scheduledAt, step);
        }
    }

    public void Delivered(Guid lessonId, DateTimeOffset writtenAt)
    {
        lock (_lessons)
        {
            if (!_lessons.TryGetValue(lessonId, out var entry))
            {
                _unknown++;
                return;
            }

            entry.Copies++;
            entry.FirstWrittenAt = entry.FirstWrittenAt is { } first && first <= writtenAt ? first : writtenAt;
        }
    }

    /// <summary>Whether every lesson of <paramref name="step"/> has arrived at least once.</summary>
    public bool Complete(int step)
    {
        lock (_lessons)
        {
            return _lessons.Values.Where(e => e.Step == step).All(e => e.Copies > 0);
        }
    }

    public MailTally Tally(int step)
    {
        var latencies = new LongHistogram(3_600_000_000, 3);
        long sent = 0, delivered = 0, lost = 0, duplicated = 0;
        DateTimeOffset? last = null;
        lock (_lessons)
        {
            foreach (var entry in _lessons.Values.Where(e => e.Step == step))
            {
                sent++;
                if (entry.FirstWrittenAt is not { } written)
                {
                    lost++;
                    continue;
                }

                delivered++;
                duplicated += entry.Copies - 1;
                latencies.RecordValue(Math.Clamp(Latency.MicrosecondsSinceIntended(entry.ScheduledAt, written), 1, 3_600_000_000));
                last = last is { } l && l >= written ? l : written;
            }
        }

        return new MailTally(sent, delivered, lost, duplicated, latencies, last);
    }

    private sealed class Entry(DateTimeOffset scheduledAt, int step)
    {
        public DateTimeOffset ScheduledAt { get; } = scheduledAt;
        public int Step { get; } = step;
        public int Copies { get; set; }
        public DateTimeOffset? FirstWrittenAt { get; set; }
    }
}

/// <summary>
/// One step's mails: <see cref="Lost"/> lessons with no mail, <see cref="Duplicated"/> mails beyond the first
/// per lesson; latencies (µs) of each lesson's first mail from its scheduled time.
/// </summary>
public sealed record MailTally(long Sent, long Delivered, long Lost, long Duplicated, HistogramBase Latencies, DateTimeOffset? LastWrittenAt)
{
    public bool ExactlyOnce => Lost == 0 && Duplicated == 0;
}
