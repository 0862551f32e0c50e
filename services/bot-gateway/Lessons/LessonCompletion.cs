using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Lessons;

/// <summary>
/// Records that a lesson took place or the student did not come. A lesson never scheduled through us
/// (an outside calendar) is recorded too; a scheduled one must belong to the same student.
/// </summary>
public sealed class LessonCompletion(EventJournal journal)
{
    public async Task<Outcome<LessonCompleted>> CompleteAsync(Guid tutorId, LessonCompletedRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"lessons/completed:{request.LessonId}";
        var fingerprint = $"{request.StudentId}|{request.Outcome}|{request.Minutes}";
        var conflict = $"Lesson {request.LessonId} was already recorded differently.";
        if (await journal.FindEarlierAsync<LessonCompleted>(key, tutorId, fingerprint, "lessonId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!await journal.IsLinkedAsync(tutorId, request.StudentId, cancellationToken))
        {
            return Failure.StudentNotLinked(request.StudentId);
        }

        // Most completions come from outside calendars: a lesson never scheduled through us has no row yet.
        var lesson = await journal.Db.Lessons.FirstOrDefaultAsync(l => l.Id == request.LessonId, cancellationToken);
        if (lesson is not null && (lesson.TutorId != tutorId || lesson.StudentId != request.StudentId))
        {
            return Failure.Conflict("lessonId", "conflict", $"Lesson {request.LessonId} belongs to another student or tutor.");
        }

        if (lesson is { Status: LessonStatus.Cancelled })
        {
            return Failure.Conflict("lessonId", "lesson_not_scheduled", $"Lesson {request.LessonId} is cancelled and cannot be completed.");
        }

        var occurredAt = request.OccurredAt ?? journal.Now;
        lesson ??= journal.Db.Lessons.Add(new Lesson { Id = request.LessonId, TutorId = tutorId, StudentId = request.StudentId }).Entity;
        lesson.Status = LessonStatus.Completed;
        lesson.Outcome = request.Outcome;
        lesson.Minutes = request.Minutes;
        lesson.Subject = request.Subject ?? lesson.Subject;
        lesson.CompletedAt = occurredAt;
        lesson.CompletedEventId = Guid.NewGuid();
        return await journal.CommitAsync(key, fingerprint, new LessonCompleted
        {
            EventId = lesson.CompletedEventId.Value, OccurredAt = occurredAt, TutorId = tutorId,
            StudentId = request.StudentId, LessonId = request.LessonId, Outcome = request.Outcome,
            Minutes = request.Minutes, Subject = lesson.Subject, StartsAt = lesson.StartsAt,
        }, "lessonId", $"Lesson {request.LessonId} is being recorded by another request.", cancellationToken);
    }
}
