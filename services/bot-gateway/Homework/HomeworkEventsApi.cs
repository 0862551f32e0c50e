using System.Security.Claims;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.UseCases;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.Homework;

public static class HomeworkEventsApi
{
    public static IEndpointRouteBuilder MapHomeworkEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events/homework").WithTags("Events").RequireAuthorization(Policies.TutorData);
        group.MapPost("/assigned", (AssignHomeworkRequest request, ClaimsPrincipal user, HomeworkUseCases homework, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.HomeworkAssigned, user, request.TutorId, t => homework.AssignAsync(t, request, ct)))
            .WithSummary("Assigns homework to one of the tutor's students and publishes HomeworkAssigned.");
        group.MapPost("/submitted", (SubmitHomeworkRequest request, ClaimsPrincipal user, HomeworkUseCases homework, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.HomeworkSubmitted, user, request.TutorId, t => homework.SubmitAsync(Caller.Tutor(t), request, ct)))
            .WithSummary("Records that the student handed the homework in and publishes HomeworkSubmitted.");
        group.MapPost("/graded", (GradeHomeworkRequest request, ClaimsPrincipal user, HomeworkUseCases homework, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.HomeworkGraded, user, request.TutorId, t => homework.GradeAsync(t, request, ct)))
            .WithSummary("Grades homework (0–100) and publishes HomeworkGraded.");
        return app;
    }
}
