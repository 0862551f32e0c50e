namespace Repitbot.TestSupport;

/// <summary>Polls a condition until it holds or time runs out; the caller asserts on the answer with its own message.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<bool> Async(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Interval);
        }
    }

    public static Task<bool> Async(Func<Task<bool>> condition) => Async(condition, Timeout);
}
