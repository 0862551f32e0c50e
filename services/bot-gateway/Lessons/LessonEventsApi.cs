using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.Lessons;

public static class LessonEventsApi
{
    public const string CompletedKind = EventKinds.LessonCompleted;

    public static IEndpointRouteBuilder MapLessonEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events/lessons").WithTags("Events").RequireAuthorization(Policies.TutorData);
        group.MapPost("/scheduled", (ScheduleLessonRequest request, ClaimsPrincipal user, LessonPlanning lessons, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.LessonScheduled, user, request.TutorId, t => lessons.ScheduleAsync(t, request, ct)))
            .WithSummary("Schedules a lesson with one of the tutor's students and publishes LessonScheduled.");
        group.MapPost("/rescheduled", (RescheduleLessonRequest request, ClaimsPrincipal user, LessonPlanning lessons, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.LessonRescheduled, user, request.TutorId, t => lessons.RescheduleAsync(t, request, ct)))
            .WithSummary("Moves a scheduled lesson and publishes LessonRescheduled.");
        group.MapPost("/cancelled", (CancelLessonRequest request, ClaimsPrincipal user, LessonPlanning lessons, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.LessonCancelled, user, request.TutorId, t => lessons.CancelAsync(t, request, ct)))
            .WithSummary("Cancels a scheduled lesson with a reason and publishes LessonCancelled.");
        group.MapPost("/completed", RecordCompleted)
            .WithSummary("Records that a lesson took place (or the student did not come) and publishes LessonCompleted.");
        return app;
    }

    /// <summary>Answers in the flat <see cref="EventRecorded"/> shape clients of the first version rely on.</summary>
    private static Task<Results<Accepted<EventRecorded>, Ok<EventRecorded>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>>
        RecordCompleted(LessonCompletedRequest request, ClaimsPrincipal user, LessonCompletion lessons, CancellationToken cancellationToken) =>
        EventResults.RecordAsync(user, request.TutorId, t => lessons.CompleteAsync(t, request, cancellationToken), (e, _) => Flat(e));

    private static EventRecorded Flat(LessonCompleted e) =>
        new(e.EventId, CompletedKind, e.TutorId, e.StudentId, e.LessonId, e.Outcome, e.Minutes, e.OccurredAt);
}
