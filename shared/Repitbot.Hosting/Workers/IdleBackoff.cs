namespace Repitbot.Hosting.Workers;

/// <summary>
/// How long a polling loop waits before it looks again: <see cref="Shortest"/> after a pass that found work,
/// doubling after each pass that found none, up to <see cref="Longest"/>. An idle service then costs a query
/// every <see cref="Longest"/> instead of every <see cref="Shortest"/>; work that arrives in the same process
/// wakes the loop through its signal at once, so the longer waits only delay what the signal cannot see
/// (another replica's writes, rows left by a process that stopped).
/// </summary>
public sealed class IdleBackoff(TimeSpan shortest, TimeSpan longest)
{
    private TimeSpan _next = shortest;

    public TimeSpan Shortest { get; } = shortest;

    public TimeSpan Longest { get; } = longest;

    /// <summary>The wait after a pass: short again when it found work, else twice the last one, at most <see cref="Longest"/>.</summary>
    public TimeSpan After(bool foundWork)
    {
        if (foundWork)
        {
            _next = Shortest;
            return Shortest;
        }

        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(Longest.Ticks, _next.Ticks * 2));
        return wait;
    }
}
