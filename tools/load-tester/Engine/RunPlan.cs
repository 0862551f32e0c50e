namespace Repitbot.LoadTester.Engine;

/// <summary>The bounds of one run: arrivals, count, duration, operations in flight, one operation's time limit.</summary>
public sealed record RunPlan(ArrivalSchedule Schedule, long Count, TimeSpan Duration, int Concurrency, TimeSpan Timeout,
    long Warmup = 0)
{
    public long Planned => Schedule.PlannedCount(Count, Duration);
}

/// <summary>What the scenario's operation is told: its number and the wall-clock moment it was meant to start.</summary>
public readonly record struct OperationContext(long Index, DateTimeOffset IntendedAt);
