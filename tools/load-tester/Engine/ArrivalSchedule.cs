namespace Repitbot.LoadTester.Engine;

/// <summary>
/// When each operation of an open-model run is meant to start: operation i at i / rate seconds after
/// the run starts, whatever happened to the operations before it. A null rate is a closed loop
/// ("max"): every operation is due at once and only the concurrency limit spaces them.
/// </summary>
public readonly record struct ArrivalSchedule(double? RatePerSecond)
{
    public bool IsOpen => RatePerSecond is not null;

    /// <summary>The intended start of operation <paramref name="index"/>, as an offset from the run's start.</summary>
    public TimeSpan OffsetOf(long index) => RatePerSecond is { } rate
        ? TimeSpan.FromTicks((long)Math.Round(index * (TimeSpan.TicksPerSecond / rate)))
        : TimeSpan.Zero;

    /// <summary>How many operations the run has: at most <paramref name="count"/>, and only those due before <paramref name="duration"/>.</summary>
    public long PlannedCount(long count, TimeSpan duration)
    {
        if (RatePerSecond is not { } rate)
        {
            return count;
        }

        // Operations with offset < duration: i < duration * rate. The epsilon keeps 10 s at 100/s at 1000, not 1001.
        var due = (long)Math.Ceiling((duration.TotalSeconds * rate) - 1e-9);
        return Math.Clamp(due, 0, count);
    }

    /// <summary>How many operations are due once <paramref name="elapsed"/> has passed since the start.</summary>
    public long DueBy(TimeSpan elapsed, long planned) => RatePerSecond is { } rate
        ? Math.Min(planned, elapsed < TimeSpan.Zero ? 0 : (long)Math.Floor(elapsed.TotalSeconds * rate) + 1)
        : planned;
}
