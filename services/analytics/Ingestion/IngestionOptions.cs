using System.ComponentModel.DataAnnotations;

namespace Repitbot.Analytics.Ingestion;

/// <summary>Settings under <c>Analytics:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Analytics:Ingestion";

    /// <summary>How long Redis remembers that an event was applied; redeliveries later than this are not replayed to Redis.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan MarkerLifetime { get; set; } = TimeSpan.FromDays(14);
}
