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
        // One round trip for the common case: the open link, with the earlier request under this key and the
        // lesson row (tracked, as the update below needs it) read alongside it.
        var found = await LinkedLessonQuery.FindAsync(journal.Db, tutorId, request.StudentId, key, request.LessonId, cancellationToken);
        if (found is null)
        {
            // Not linked (now): a repeat of a request recorded while the link was open still answers as before.
            return await journal.FindEarlierAsync<LessonCompleted>(key, tutorId, fingerprint, "lessonId", conflict, cancellationToken)
                ?? Failure.StudentNotLinked(request.StudentId);
        }

        if (EventJournal.Compare<LessonCompleted>(found.Earlier, tutorId, fingerprint, "lessonId", conflict) is { } earlier)
        {
            return earlier;
        }

        // Most completions come from outside calendars: a lesson never scheduled through us has no row yet.
        var lesson = found.Lesson;
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
