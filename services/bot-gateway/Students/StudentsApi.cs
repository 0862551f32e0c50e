using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.People;
using Repitbot.Contracts;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Outbox;

namespace Repitbot.BotGateway.Students;

public static class StudentsApi
{
    public static IEndpointRouteBuilder MapStudentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/students").WithTags("Students").RequireAuthorization(Policies.TutorData);
        group.MapPost("/", CreateStudent).WithSummary("Registers a student and links them to the tutor from now on.");
        // Only the tutor themselves ends a link (not an admin or a service acting for them).
        var tutors = app.MapGroup("/api/v1/students").WithTags("Students").RequireAuthorization(p => p.RequireRole(Roles.Tutor));
        tutors.MapDelete("/{studentId:guid}/link", UnlinkAsync).WithSummary("Closes the link to a student; history stays.");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlinkAsync(Guid studentId, ClaimsPrincipal user,
        Profiles profiles, CancellationToken ct)
    {
        var (_, failure) = await profiles.UnlinkAsync(user.UserId()!.Value, studentId, ct);
        return failure is null ? TypedResults.NoContent() : EventResults.Problem(failure);
    }

    private static async Task<Results<Created<StudentCreated>, ForbidHttpResult, ProblemHttpResult>> CreateStudent(
        CreateStudentRequest request, HttpContext http, BotGatewayDb db, OutboxSignal outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = TutorScope.For(http.User, request.TutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutorId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "tutorId is required when an admin or a service creates a student.");
        }

        var now = clock.GetUtcNow();
        var student = new User
        {
            Id = Guid.NewGuid(), Role = UserRole.Student, DisplayName = request.DisplayName.Trim(),
            Email = request.Email, Locale = request.Locale, TimeZone = request.TimeZone, CreatedAt = now,
        };
        var link = new StudentLink { Id = Guid.NewGuid(), TutorId = tutorId, StudentId = student.Id, ValidFrom = now };
        db.Users.Add(student);
        db.StudentLinks.Add(link);
        db.AddToOutbox(new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, UserId = student.Id,
            Role = UserRole.Student, DisplayName = student.DisplayName, Email = student.Email,
            Locale = student.Locale, TimeZone = student.TimeZone,
        }, clock);
        db.AddToOutbox(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = student.Id,
            LinkId = link.Id, ValidFrom = now, StudentName = student.DisplayName,
        }, clock);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        return TypedResults.Created($"/api/v1/students/{student.Id}", new StudentCreated(student.Id, link.Id, tutorId));
    }
}
