namespace Repitbot.Contracts;

public sealed record PaymentReceived : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid PaymentId { get; init; }
    /// <summary>Amount in minor units (kopecks, cents) of <see cref="Currency"/>.</summary>
    public required long AmountMinor { get; init; }
    /// <summary>ISO 4217 code, e.g. "RUB".</summary>
    public required string Currency { get; init; }
    public required PaymentMethod Method { get; init; }
    public int LessonsCovered { get; init; }
}

public sealed record PaymentRefunded : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid PaymentId { get; init; }
    public required long AmountMinor { get; init; }
    public required string Currency { get; init; }
    public string? Reason { get; init; }
}

public sealed record BalanceLow : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required long BalanceMinor { get; init; }
    public required string Currency { get; init; }
    public int LessonsRemaining { get; init; }
}
