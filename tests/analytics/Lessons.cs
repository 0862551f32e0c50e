using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

public static class Lessons
{
    public static LessonCompleted Attended(Guid tutorId, int minutes, DateTimeOffset? occurredAt = null) =>
        Completed(tutorId, LessonOutcome.Attended, minutes, occurredAt);

    public static LessonCompleted NoShow(Guid tutorId, DateTimeOffset? occurredAt = null) =>
        Completed(tutorId, LessonOutcome.NoShow, 0, occurredAt);

    private static LessonCompleted Completed(Guid tutorId, LessonOutcome outcome, int minutes, DateTimeOffset? occurredAt) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = occurredAt ?? DateTimeOffset.UtcNow, TutorId = tutorId,
        StudentId = Guid.NewGuid(), LessonId = Guid.NewGuid(), Outcome = outcome, Minutes = minutes,
    };
}
