using System.Text.Json;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>An event as the analytics store keeps it: its row and what it adds to its tutor's day.</summary>
/// <remarks><see cref="OccurredAt"/> is when it was recorded (the partition key); <see cref="HappenedAt"/> what it counts by.</remarks>
public sealed record IngestedEvent(Guid EventId, string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt,
    DateTimeOffset HappenedAt, string Payload, EventEffect Effect)
{
    /// <summary>The UTC day the event counts on (<see cref="Ingestion.HappenedAt"/>), however late it arrives.</summary>
    public DateOnly Day => DateOnly.FromDateTime(HappenedAt.UtcDateTime);

    public static IngestedEvent From(IDomainEvent e) => From(e, JsonSerializer.Serialize(e, e.GetType(), WireFormat.Json));

    /// <summary>An event read back from the store, with the payload it was stored with.</summary>
    public static IngestedEvent From(IDomainEvent e, string payload) => new(e.EventId, e.GetType().Name, e.TutorId, StudentOf(e),
        e.OccurredAt.ToUniversalTime(), Ingestion.HappenedAt.Of(e), payload, EventEffects.Of(e));

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
