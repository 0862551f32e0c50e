using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Rollups;

/// <summary>Settings under <c>Analytics:Rollup</c>.</summary>
public sealed class RollupOptions
{
    public const string Section = "Analytics:Rollup";

    /// <summary>Whether the nightly rollup runs at all (the admin endpoint works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>UTC time of day the nightly rollup recomputes yesterday and the retention cohorts.</summary>
    [Required]
    public TimeOnly? TimeOfDay { get; set; } = new(2, 30);
}
