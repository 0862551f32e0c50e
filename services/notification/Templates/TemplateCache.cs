using System.Collections.Concurrent;
using Repitbot.Contracts;

namespace Repitbot.Notification.Templates;

/// <summary>
/// The template in use per type, channel and locale, kept in memory: every send needs one and they change
/// rarely. A new version written through this instance replaces its entry at once; one written by another
/// instance is seen here within <see cref="Lifetime"/>, when the entry is read again from the database.
/// </summary>
public sealed class TemplateCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Type, NotificationChannel Channel, string Locale), Entry> _entries = new();

    public async Task<TemplateVersion?> GetAsync(string type, NotificationChannel channel, string locale,
        Func<CancellationToken, Task<TemplateVersion?>> load, CancellationToken cancellationToken)
    {
        var key = (type, channel, locale);
        if (_entries.TryGetValue(key, out var entry) && clock.GetElapsedTime(entry.LoadedAt) < Lifetime)
        {
            return entry.Template;
        }

        // Read before the load: a version added while it runs makes the entry stale, not the newer one lost.
        var loadedAt = clock.GetTimestamp();
        var template = await load(cancellationToken);
        _entries[key] = new Entry(template, loadedAt);
        return template;
    }

    /// <summary>A version was added: the next send of that type and channel reads it from the database.</summary>
    public void Invalidate(string type, NotificationChannel channel)
    {
        foreach (var key in _entries.Keys.Where(k => k.Type == type && k.Channel == channel))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(TemplateVersion? Template, long LoadedAt);
}
