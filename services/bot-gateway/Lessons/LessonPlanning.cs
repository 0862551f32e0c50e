using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Lessons;

/// <summary>Scheduling, rescheduling and cancelling lessons: the one place REST and the bot both go through.</summary>
public sealed class LessonPlanning(EventJournal journal)
{
    public async Task<Outcome<LessonScheduled>> ScheduleAsync(Guid tutorId, ScheduleLessonRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"lessons/scheduled:{request.LessonId}";
        var fingerprint = $"{request.StudentId}|{request.StartsAt.UtcTicks}|{request.DurationMinutes}|{request.PriceMinor}|{request.Currency}";
        var conflict = $"Lesson {request.LessonId} was already scheduled differently.";
        if (await journal.FindEarlierAsync<LessonScheduled>(key, tutorId, fingerprint, "lessonId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!await journal.IsLinkedAsync(tutorId, request.StudentId, cancellationToken))
        {
            return Failure.StudentNotLinked(request.StudentId);
        }

        if (await journal.Db.Lessons.AnyAsync(l => l.Id == request.LessonId, cancellationToken))
        {
            return Failure.Conflict("lessonId", "conflict", $"Lesson {request.LessonId} already exists.");
        }

        journal.Db.Lessons.Add(new Lesson
        {
            Id = request.LessonId, TutorId = tutorId, StudentId = request.StudentId, Status = LessonStatus.Scheduled,
            StartsAt = request.StartsAt.ToUniversalTime(), DurationMinutes = request.DurationMinutes,
            PriceMinor = request.PriceMinor, Currency = request.PriceMinor is null ? null : request.Currency,
            Subject = request.Subject,
        });
        return await journal.CommitAsync(key, fingerprint, new LessonScheduled
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, StudentId = request.StudentId,
            LessonId = request.LessonId, StartsAt = request.StartsAt.ToUniversalTime(),
            DurationMinutes = request.DurationMinutes, PriceMinor = request.PriceMinor,
            Currency = request.PriceMinor is null ? null : request.Currency, Subject = request.Subject,
        }, "lessonId", conflict, cancellationToken);
    }

    public async Task<Outcome<LessonRescheduled>> RescheduleAsync(Guid tutorId, RescheduleLessonRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var lesson = await FindScheduledAsync(tutorId, request.LessonId, "rescheduled", cancellationToken);
        if (lesson.Failure is { } failure)
        {
            return failure;
        }

        var found = lesson.Lesson!;
        var duration = request.DurationMinutes ?? found.DurationMinutes ?? 60;
        var prefix = $"lessons/rescheduled:{request.LessonId}:";
        if (found.StartsAt == request.StartsAt && found.DurationMinutes == duration)
        {
            // Already there: a repeat of the last reschedule is answered with its event.
            var last = await journal.Db.RecordedEvents.AsNoTracking().Where(r => r.Key.StartsWith(prefix))
                .OrderByDescending(r => r.RecordedAt).Select(r => r.Key).FirstOrDefaultAsync(cancellationToken);
            return last is not null
                ? (await journal.FindEarlierAsync<LessonRescheduled>(last, tutorId, "", "startsAt", "", cancellationToken))
                    ?? Failure.Invalid("startsAt", "The lesson already starts at that time.")
                : Failure.Invalid("startsAt", "The lesson already starts at that time.");
        }

        var previous = found.StartsAt ?? request.StartsAt;
        found.StartsAt = request.StartsAt.ToUniversalTime();
        found.DurationMinutes = duration;
        var e = new LessonRescheduled
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, StudentId = found.StudentId,
            LessonId = found.Id, PreviousStartsAt = previous, StartsAt = request.StartsAt.ToUniversalTime(),
            DurationMinutes = duration,
        };
        return await journal.CommitAsync(prefix + e.EventId, "", e, "lessonId",
            $"Lesson {request.LessonId} is being changed by another request.", cancellationToken);
    }

    public async Task<Outcome<LessonCancelled>> CancelAsync(Guid tutorId, CancelLessonRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"lessons/cancelled:{request.LessonId}";
        var fingerprint = $"{request.Reason.Trim()}|{request.CancelledBy}";
        var conflict = $"Lesson {request.LessonId} was already cancelled differently.";
        if (await journal.FindEarlierAsync<LessonCancelled>(key, tutorId, fingerprint, "lessonId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var lesson = await FindScheduledAsync(tutorId, request.LessonId, "cancelled", cancellationToken);
        if (lesson.Failure is { } failure)
        {
            return failure;
        }

        var found = lesson.Lesson!;
        found.Status = LessonStatus.Cancelled;
        found.CancelReason = request.Reason.Trim();
        return await journal.CommitAsync(key, fingerprint, new LessonCancelled
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = tutorId, StudentId = found.StudentId,
            LessonId = found.Id, StartsAt = found.StartsAt!.Value, Reason = found.CancelReason,
            CancelledBy = request.CancelledBy,
        }, "lessonId", conflict, cancellationToken);
    }

    private async Task<(Lesson? Lesson, Failure? Failure)> FindScheduledAsync(Guid tutorId, Guid lessonId, string action,
        CancellationToken cancellationToken)
    {
        var lesson = await journal.Db.Lessons.FirstOrDefaultAsync(l => l.Id == lessonId && l.TutorId == tutorId, cancellationToken);
        if (lesson is null)
        {
            return (null, Failure.NotFound("lessonId", "lesson_not_found", $"Lesson {lessonId} was not found."));
        }

        if (lesson.Status != LessonStatus.Scheduled)
        {
            return (null, Failure.Conflict("lessonId", "lesson_not_scheduled",
                $"Lesson {lessonId} is {lesson.Status.ToString().ToLowerInvariant()} and cannot be {action}."));
        }

        return await journal.IsLinkedAsync(tutorId, lesson.StudentId, cancellationToken)
            ? (lesson, null)
            : (null, Failure.StudentNotLinked(lesson.StudentId));
    }
}
