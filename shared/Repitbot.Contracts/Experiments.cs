namespace Repitbot.Contracts;

public sealed record ExperimentAssigned : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required string Experiment { get; init; }
    public required string Variant { get; init; }
    public required Guid UserId { get; init; }
}

public sealed record ExperimentConverted : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required string Experiment { get; init; }
    public required string Variant { get; init; }
    public required Guid UserId { get; init; }
    public string? Goal { get; init; }
}
