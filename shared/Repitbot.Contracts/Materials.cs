namespace Repitbot.Contracts;

public sealed record MaterialShared : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid MaterialId { get; init; }
    public required string Title { get; init; }
    /// <summary>Null when shared with all of the tutor's students.</summary>
    public Guid? StudentId { get; init; }
    public string? Url { get; init; }
    public string? MimeType { get; init; }
}

public sealed record MaterialViewed : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid MaterialId { get; init; }
}
