namespace Repitbot.LoadTester.Engine;

/// <summary>The bounds of one run: arrivals, count, duration, operations in flight, one operation's time limit.</summary>
public sealed record RunPlan(ArrivalSchedule Schedule, long Count, TimeSpan Duration, int Concurrency, TimeSpan Timeout,
    long Warmup = 0)
{
    public long Planned => Schedule.PlannedCount(Count, Duration);
}

/// <summary>
/// What the scenario's operation is told: its number (negative for unrecorded warm-up operations) and the
/// wall-clock moment it was meant to start.
/// </summary>
public readonly record struct OperationContext(long Index, DateTimeOffset IntendedAt)
{
    public bool IsWarmup => Index < 0;

    /// <summary>The index modulo <paramref name="length"/>, never negative: for picking from a fixed set.</summary>
    public int Slot(int length) => (int)(((Index % length) + length) % length);
}
