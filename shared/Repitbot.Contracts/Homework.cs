namespace Repitbot.Contracts;

public sealed record HomeworkAssigned : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid HomeworkId { get; init; }
    public required string Title { get; init; }
    public Guid? LessonId { get; init; }
    public DateTimeOffset? DueAt { get; init; }
}

public sealed record HomeworkSubmitted : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid HomeworkId { get; init; }
    /// <summary>Copied from the assignment so consumers can judge "on time" without a lookup.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

public sealed record HomeworkGraded : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid HomeworkId { get; init; }
    /// <summary>0 to 100.</summary>
    public required int Score { get; init; }
    public string? Comment { get; init; }
}
