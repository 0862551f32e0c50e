namespace Repitbot.Analytics.Data;

/// <summary>Every event once, as it arrived: the source of truth every aggregate can be rebuilt from.</summary>
public sealed class StoredEvent
{
    public Guid EventId { get; set; }
    public required string Type { get; set; }
    public Guid TutorId { get; set; }
    public Guid? StudentId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// The once-only guard: one row per event id ever stored, unpartitioned, so <c>event_id</c> is unique
/// across all monthly partitions of <c>events</c> (whose own key must include <c>occurred_at</c>).
/// </summary>
public sealed class StoredEventId
{
    public Guid EventId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
