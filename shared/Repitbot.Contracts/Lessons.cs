namespace Repitbot.Contracts;

public sealed record LessonScheduled : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LessonId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int DurationMinutes { get; init; }
    /// <summary>Price in minor units of <see cref="Currency"/>; null when the lesson is prepaid or free.</summary>
    public long? PriceMinor { get; init; }
    public string? Currency { get; init; }
    public string? Subject { get; init; }
}

public sealed record LessonRescheduled : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LessonId { get; init; }
    public required DateTimeOffset PreviousStartsAt { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required int DurationMinutes { get; init; }
}

public sealed record LessonCancelled : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LessonId { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required string Reason { get; init; }
    public required CancelledBy CancelledBy { get; init; }
}

public sealed record LessonCompleted : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LessonId { get; init; }
    public required LessonOutcome Outcome { get; init; }
    /// <summary>Minutes actually taught; 0 for a no-show.</summary>
    public required int Minutes { get; init; }
    public string? Subject { get; init; }
    /// <summary>When the lesson was due to start, if it was scheduled; messages about it name this time, not when it was recorded.</summary>
    public DateTimeOffset? StartsAt { get; init; }
}
