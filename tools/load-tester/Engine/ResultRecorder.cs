using System.Collections.Concurrent;
using HdrHistogram;

namespace Repitbot.LoadTester.Engine;

/// <summary>
/// Thread-safe tally of a run: per operation a latency histogram of the successes (microseconds, three
/// significant digits, up to an hour) and the failures counted by kind.
/// </summary>
public sealed class ResultRecorder
{
    private const long HighestMicroseconds = 3_600_000_000;
    private readonly ConcurrentDictionary<string, OperationTally> _operations = new(StringComparer.Ordinal);
    private long _completed;
    private long _failed;

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    public IReadOnlyCollection<string> Operations => _operations.Keys.Order(StringComparer.Ordinal).ToList();

    public void Record(Outcome outcome, long latencyMicroseconds, TimeSpan completedAfterStart)
    {
        var tally = Tally(outcome.Operation);
        if (outcome.ErrorKind is { } kind)
        {
            tally.Errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _failed);
        }
        else
        {
            tally.Histogram.RecordValue(Math.Clamp(latencyMicroseconds, 1, HighestMicroseconds));
            tally.NoteCompletion(completedAfterStart);
        }

        Interlocked.Increment(ref _completed);
    }

    /// <summary>Makes an operation's row exist even when nothing was recorded for it (an endpoint that was skipped).</summary>
    public OperationTally Tally(string operation) =>
        _operations.GetOrAdd(operation, _ => new OperationTally(new LongConcurrentHistogram(1, HighestMicroseconds, 3)));

    /// <summary>All operations merged, for the progress line.</summary>
    public HistogramBase Overall()
    {
        var all = new LongHistogram(HighestMicroseconds, 3);
        foreach (var tally in _operations.Values)
        {
            all.Add(tally.Histogram);
        }

        return all;
    }
}

public sealed class OperationTally(LongConcurrentHistogram histogram)
{
    private long _lastCompletionTicks;

    public LongConcurrentHistogram Histogram { get; } = histogram;

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>When the last success completed, from the run's start: the end of the throughput window.</summary>
    public TimeSpan LastCompletion => TimeSpan.FromTicks(Interlocked.Read(ref _lastCompletionTicks));

    public void NoteCompletion(TimeSpan afterStart)
    {
        long seen;
        while (afterStart.Ticks > (seen = Interlocked.Read(ref _lastCompletionTicks))
               && Interlocked.CompareExchange(ref _lastCompletionTicks, afterStart.Ticks, seen) != seen)
        {
        }
    }
}
