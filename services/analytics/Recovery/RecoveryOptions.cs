using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Recovery;

/// <summary>Settings under <c>Analytics:Recovery</c>: how often Redis is checked against PostgreSQL, and the rebuild's flag.</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Analytics:Recovery";

    /// <summary>
    /// Time between two checks of the generation marker. A rollback is noticed within this (and at once when
    /// the connection comes back), so it must stay well under <c>AnalyticsCache:MaxStaleness</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:05")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Lifetime of the flag that holds ingestion's Redis writes back during a rebuild; renewed while the rebuild
    /// runs, so it only matters when the rebuilding process dies: ingestion then waits at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan RebuildFlagLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
