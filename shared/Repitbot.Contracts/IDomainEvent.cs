namespace Repitbot.Contracts;

/// <summary>
/// What every domain event carries. <see cref="EventId"/> is the idempotency key consumers use to
/// apply an event once; <see cref="OccurredAt"/> is when it happened (UTC), not when it was published.
/// </summary>
public interface IDomainEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
    Guid TutorId { get; }
}
