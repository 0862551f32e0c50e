using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.Support;

public static class Lessons
{
    public static LessonCompleted Attended(Guid tutorId, int minutes, DateTimeOffset? occurredAt = null) =>
        Completed(tutorId, LessonOutcome.Attended, minutes, occurredAt);

    public static LessonCompleted NoShow(Guid tutorId, DateTimeOffset? occurredAt = null) =>
        Completed(tutorId, LessonOutcome.NoShow, 0, occurredAt);

    /// <summary><paramref name="count"/> attended lessons of 45 minutes today, ready for the ingestor.</summary>
    public static List<Repitbot.Analytics.Ingestion.IngestedEvent> AttendedToday(Guid tutorId, int count) =>
        Enumerable.Range(0, count).Select(_ => Repitbot.Analytics.Ingestion.IngestedEvent.From(Attended(tutorId, 45))).ToList();

    private static LessonCompleted Completed(Guid tutorId, LessonOutcome outcome, int minutes, DateTimeOffset? occurredAt) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = occurredAt ?? DateTimeOffset.UtcNow, TutorId = tutorId,
        StudentId = Guid.NewGuid(), LessonId = Guid.NewGuid(), Outcome = outcome, Minutes = minutes,
    };
}
