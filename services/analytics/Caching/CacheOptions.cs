using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Caching;

/// <summary>Section <c>AnalyticsCache</c>. New events invalidate entries at once (version keys); the lifetime only bounds memory.</summary>
public sealed class CacheOptions
{
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
