using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Caching;

/// <summary>Section <c>AnalyticsCache</c>. See the read-side "Cache" part of the service README.</summary>
public sealed class CacheOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How long an entry stays in Redis at all (bounds memory; freshness is decided by the version keys).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How old (since it was computed) an entry may be and still be served after newer events arrived,
    /// while one refresh runs in the background. Zero: every new event forces a recomputation before the next answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Computations (queries and drawing) running at once in this process; the others queue. 0: one less
    /// than the processor count (at least 1), so cached answers and the dashboard always find a free core.
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentComputations { get; set; }

    public int ComputationSlots => MaxConcurrentComputations > 0 ? MaxConcurrentComputations : Math.Max(1, Environment.ProcessorCount - 1);
}
