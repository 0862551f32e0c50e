namespace Repitbot.Chaos.Traffic;

public enum EventKind { LessonCompleted, HomeworkAssigned, PaymentReceived }

/// <summary>
/// One event of a burst with every id chosen by the client up front, so a retried request is the same request
/// (the bot gateway answers 200 with the recorded event, never a second one).
/// </summary>
public sealed record PlannedEvent(int Number, EventKind Kind, Student Student, Guid EntityId, long AmountMinor)
{
    /// <summary>Type name analytics stores the event under.</summary>
    public string StoredType => Kind.ToString();

    public string Path => Kind switch
    {
        EventKind.LessonCompleted => "/api/v1/events/lessons/completed",
        EventKind.HomeworkAssigned => "/api/v1/events/homework/assigned",
        _ => "/api/v1/events/payments/received",
    };

    public object Body => Kind switch
    {
        EventKind.LessonCompleted => new { lessonId = EntityId, studentId = Student.Id, outcome = "attended", minutes = 60, subject = $"Chaos {Number}" },
        EventKind.HomeworkAssigned => new { homeworkId = EntityId, studentId = Student.Id, title = $"Chaos task {Number}", dueAt = DateTimeOffset.UtcNow.AddDays(3) },
        _ => (object)new { paymentId = EntityId, studentId = Student.Id, amountMinor = AmountMinor, currency = "RUB", method = "card", lessonsCovered = 1 },
    };

    /// <summary>Every tenth event a payment, every tenth (offset) a homework, the rest completed lessons; students in turn.</summary>
    public static List<PlannedEvent> Burst(IReadOnlyList<Student> students, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new PlannedEvent(
            i,
            (i % 10) switch { 9 => EventKind.PaymentReceived, 4 => EventKind.HomeworkAssigned, _ => EventKind.LessonCompleted },
            students[i % students.Count],
            Guid.NewGuid(),
            100_000 + (i * 100))),
    ];
}
