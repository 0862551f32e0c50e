using System.Text.Json;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>An event as the analytics store keeps it: its row and what it adds to its tutor's day.</summary>
/// <remarks><see cref="OccurredAt"/> is when it was recorded (the partition key); <see cref="HappenedAt"/> what it counts by.</remarks>
public sealed record IngestedEvent(Guid EventId, string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt,
    DateTimeOffset HappenedAt, string Payload, EventEffect Effect)
{
    private readonly DateOnly? _day;

    /// <summary>
    /// The day the event counts on, however late it arrives: the date of <see cref="Ingestion.HappenedAt"/> in its tutor's
    /// time zone, set by <see cref="TutorDays.Assign"/> (it needs the tutor's zones, which are in PostgreSQL).
    /// </summary>
    public DateOnly Day
    {
        get => _day ?? throw new InvalidOperationException($"Event {EventId} has no day yet: TutorDays.Assign sets it before it is counted.");
        init => _day = value;
    }

    /// <summary>The time zone this event sets for its tutor, when it is a tutor's own profile event naming one.</summary>
    public TutorZone? Zone { get; init; }

    public static IngestedEvent From(IDomainEvent e) => From(e, JsonSerializer.Serialize(e, e.GetType(), WireFormat.Json));

    /// <summary>An event read back from the store, with the payload it was stored with.</summary>
    public static IngestedEvent From(IDomainEvent e, string payload) => new(e.EventId, e.GetType().Name, e.TutorId, StudentOf(e),
        e.OccurredAt.ToUniversalTime(), Ingestion.HappenedAt.Of(e), payload, EventEffects.Of(e)) { Zone = TutorZone.Of(e) };

    public static Guid? StudentOf(IDomainEvent e) => e switch
    {
        LessonScheduled x => x.StudentId,
        LessonRescheduled x => x.StudentId,
        LessonCancelled x => x.StudentId,
        LessonCompleted x => x.StudentId,
        HomeworkAssigned x => x.StudentId,
        HomeworkSubmitted x => x.StudentId,
        HomeworkGraded x => x.StudentId,
        PaymentReceived x => x.StudentId,
        PaymentRefunded x => x.StudentId,
        BalanceLow x => x.StudentId,
        MaterialShared x => x.StudentId,
        MaterialViewed x => x.StudentId,
        StudentLinked x => x.StudentId,
        StudentUnlinked x => x.StudentId,
        StudentLevelChanged x => x.StudentId,
        UserRegistered { Role: UserRole.Student } x => x.UserId,
        _ => null,
    };
}
