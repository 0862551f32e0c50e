namespace Repitbot.LoadTester.Engine;

/// <summary>
/// Latency is measured from when an operation was meant to start, not from when the load generator
/// got round to it. A stalled server delays the dispatch of the operations queued behind it; timing
/// them from their actual send would hide that stall (coordinated omission).
/// </summary>
public static class Latency
{
    /// <summary>Microseconds from the intended start to completion (Stopwatch timestamps), never negative.</summary>
    public static long MicrosecondsSinceIntended(long intendedTimestamp, long completedTimestamp, long frequency) =>
        Math.Max(0, (long)Math.Round((completedTimestamp - intendedTimestamp) * 1_000_000.0 / frequency));

    /// <summary>The same for wall-clock times, e.g. an event's intended publish and its storage time.</summary>
    public static long MicrosecondsSinceIntended(DateTimeOffset intended, DateTimeOffset completed) =>
        Math.Max(0, (completed - intended).Ticks / (TimeSpan.TicksPerMillisecond / 1000));
}
