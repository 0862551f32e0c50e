namespace Repitbot.TelegramStub.State;

/// <summary>Counts calls in a sliding window and says how long to wait when the window is full. Not thread-safe: the bot lock guards it.</summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> calls = new();

    /// <summary>Whole seconds to wait (at least 1) or null when the call may go now; a permitted call is counted.</summary>
    public int? TryAcquire(DateTimeOffset now)
    {
        while (calls.Count > 0 && calls.Peek() <= now - window)
        {
            calls.Dequeue();
        }

        if (calls.Count < limit)
        {
            return null;
        }

        var wait = calls.Peek() + window - now;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    public void Record(DateTimeOffset now) => calls.Enqueue(now);

    public void Clear() => calls.Clear();
}
