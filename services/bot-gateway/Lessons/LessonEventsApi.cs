using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Outbox;

namespace Repitbot.BotGateway.Lessons;

public static class LessonEventsApi
{
    public const string CompletedKind = "lessons/completed";

    public static IEndpointRouteBuilder MapLessonEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events/lessons").WithTags("Events").RequireAuthorization(Policies.TutorData);
        group.MapPost("/completed", RecordCompleted)
            .WithSummary("Records that a lesson took place (or the student did not come) and publishes LessonCompleted.");
        return app;
    }

    private static async Task<Results<Accepted<EventRecorded>, Ok<EventRecorded>, ForbidHttpResult, ProblemHttpResult>>
        RecordCompleted(LessonCompletedRequest request, HttpContext http, BotGatewayDb db, OutboxSignal outbox,
            TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = TutorScope.For(http.User, request.TutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutorId)
        {
            return Problem(StatusCodes.Status400BadRequest, "tutorId is required when an admin or a service records a lesson.");
        }

        var linked = await db.StudentLinks.AnyAsync(
            l => l.TutorId == tutorId && l.StudentId == request.StudentId && l.ValidTo == null, cancellationToken);
        if (!linked)
        {
            return Problem(StatusCodes.Status404NotFound, $"Student {request.StudentId} is not linked to this tutor.");
        }

        var lesson = await db.Lessons.FindAsync([request.LessonId], cancellationToken);
        if (lesson?.CompletedEventId is { } previousEvent)
        {
            return IsSameCompletion(lesson, tutorId, request)
                ? TypedResults.Ok(Recorded(previousEvent, lesson, lesson.CompletedAt!.Value))
                : Problem(StatusCodes.Status409Conflict, $"Lesson {request.LessonId} was already recorded differently.");
        }

        if (lesson is not null && (lesson.TutorId != tutorId || lesson.StudentId != request.StudentId))
        {
            return Problem(StatusCodes.Status409Conflict, $"Lesson {request.LessonId} belongs to another student or tutor.");
        }

        var occurredAt = request.OccurredAt ?? clock.GetUtcNow();
        lesson ??= db.Lessons.Add(new Lesson { Id = request.LessonId, TutorId = tutorId, StudentId = request.StudentId }).Entity;
        lesson.Outcome = request.Outcome;
        lesson.Minutes = request.Minutes;
        lesson.Subject = request.Subject;
        lesson.CompletedAt = occurredAt;
        lesson.CompletedEventId = Guid.NewGuid();
        db.AddToOutbox(new LessonCompleted
        {
            EventId = lesson.CompletedEventId.Value, OccurredAt = occurredAt, TutorId = tutorId,
            StudentId = request.StudentId, LessonId = request.LessonId, Outcome = request.Outcome,
            Minutes = request.Minutes, Subject = request.Subject,
        }, clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request recorded the same lesson first.
            return Problem(StatusCodes.Status409Conflict, $"Lesson {request.LessonId} is being recorded by another request.");
        }

        outbox.Notify();
        return TypedResults.Accepted((string?)null, Recorded(lesson.CompletedEventId.Value, lesson, occurredAt));
    }

    private static bool IsSameCompletion(Lesson lesson, Guid tutorId, LessonCompletedRequest request) =>
        lesson.TutorId == tutorId && lesson.StudentId == request.StudentId && lesson.Outcome == request.Outcome
        && lesson.Minutes == request.Minutes;

    private static EventRecorded Recorded(Guid eventId, Lesson lesson, DateTimeOffset occurredAt) =>
        new(eventId, CompletedKind, lesson.TutorId, lesson.StudentId, lesson.Id, lesson.Outcome!.Value,
            lesson.Minutes!.Value, occurredAt);

    private static ProblemHttpResult Problem(int status, string title) =>
        TypedResults.Problem(statusCode: status, title: title);
}
