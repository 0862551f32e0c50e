using System.Collections.Concurrent;

namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// Results already loaded while answering one request, by what they are: a report section and the
/// charts drawn in it ask for the same figures, which are then queried once.
/// </summary>
public sealed class ReadMemo
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _loaded = new(StringComparer.Ordinal);

    /// <summary><paramref name="load"/>'s result, loaded once per <paramref name="key"/> per memo (every time without one).</summary>
    public static async Task<T> Once<T>(ReadMemo? memo, string key, Func<Task<T>> load)
        where T : notnull
    {
        if (memo is null)
        {
            return await load();
        }

        var lazy = memo._loaded.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await load()));
        return (T)await lazy.Value;
    }
}
