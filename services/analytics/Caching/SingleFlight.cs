using System.Collections.Concurrent;

namespace Repitbot.Analytics.Caching;

/// <summary>
/// At most one computation per key at a time in this process: callers that ask while one runs get
/// its result instead of starting their own. The computation never sees a caller's cancellation
/// (others may be waiting for it); a caller that gives up only stops waiting.
/// </summary>
public sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _running = new(StringComparer.Ordinal);

    public bool IsRunning(string key) => _running.ContainsKey(key);

    public Task<byte[]> RunAsync(string key, Func<Task<byte[]>> compute)
    {
        var flight = new Lazy<Task<byte[]>>(() => RunThenForgetAsync(key, compute), LazyThreadSafetyMode.ExecutionAndPublication);
        return _running.GetOrAdd(key, flight).Value;
    }

    private async Task<byte[]> RunThenForgetAsync(string key, Func<Task<byte[]>> compute)
    {
        try
        {
            // Yield first so the Lazy is published before anything slow (or anything that throws) runs.
            await Task.Yield();
            return await compute();
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }
}
