using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.UseCases;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.StudyLevels;

/// <summary>
/// A student's study level and its history, and the tutor's level scale. Tutors set and read levels of their
/// own students (another tutor's student is 404, as everywhere in the intake); a student reads their own;
/// admins and services name the tutor.
/// </summary>
public static class StudyLevelsApi
{
    public static IEndpointRouteBuilder MapStudyLevelsApi(this IEndpointRouteBuilder app)
    {
        var levels = app.MapGroup("/api/v1/students/{studentId:guid}/level").WithTags("Study levels");
        levels.MapPut("/", SetAsync).RequireAuthorization(Policies.TutorData)
            .WithSummary("Sets the student's level on the tutor's scale (CEFR A1–C2 unless the tutor defined their own).");
        levels.MapGet("/", GetAsync).RequireAuthorization(Policies.AnyUser).WithSummary("The student's current level.");
        levels.MapGet("/history", HistoryAsync).RequireAuthorization(Policies.AnyUser)
            .WithSummary("Every change of the student's level, newest first: who, when, from and to.");

        var scale = app.MapGroup("/api/v1/level-scale").WithTags("Study levels").RequireAuthorization(Policies.TutorData);
        scale.MapGet("/", GetScaleAsync).WithSummary("The level names the tutor grades with, lowest first.");
        scale.MapPut("/", SetScaleAsync).WithSummary("Sets the tutor's own level names; an empty list goes back to CEFR A1–C2.");
        return app;
    }

    private static async Task<Results<Ok<StudyLevelView>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid studentId, SetStudyLevelRequest request, ClaimsPrincipal user, StudentLevels levels, CancellationToken ct)
    {
        var scope = TutorScope.For(user, request.TutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutorId)
        {
            return EventResults.TutorRequired();
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return EventResults.Invalid(invalid);
        }

        var (level, _, failure) = await levels.SetAsync(tutorId, studentId, request.Level, user.UserId(), ct);
        return failure is null ? TypedResults.Ok(level!) : ToProblem(failure);
    }

    private static async Task<Results<Ok<StudyLevelView>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid studentId, Guid? tutorId, ClaimsPrincipal user, StudentLevels levels, CancellationToken ct)
    {
        if (OwnStudent(user, studentId) || (user.IsAdminOrService() && tutorId is null))
        {
            return await levels.LatestOfStudentAsync(studentId, ct) is { } latest
                ? TypedResults.Ok(latest)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Student {studentId} has no study level yet.");
        }

        var scope = TutorScope.For(user, tutorId);
        if (!scope.Allowed || scope.TutorId is not { } tutor)
        {
            return TypedResults.Forbid();
        }

        var (level, failure) = await levels.CurrentAsync(tutor, studentId, ct);
        return failure is null ? TypedResults.Ok(level!) : ToProblem(failure);
    }

    private static async Task<Results<Ok<StudyLevelHistory>, ForbidHttpResult, ProblemHttpResult>> HistoryAsync(
        Guid studentId, Guid? tutorId, ClaimsPrincipal user, StudentLevels levels, CancellationToken ct)
    {
        if (OwnStudent(user, studentId) || (user.IsAdminOrService() && tutorId is null))
        {
            return TypedResults.Ok(await levels.HistoryAsync(studentId, null, ct));
        }

        var scope = TutorScope.For(user, tutorId);
        if (!scope.Allowed || scope.TutorId is not { } tutor)
        {
            return TypedResults.Forbid();
        }

        return await levels.IsLinkedAsync(tutor, studentId, ct)
            ? TypedResults.Ok(await levels.HistoryAsync(studentId, tutor, ct))
            : EventResults.Problem(Failure.StudentNotLinked(studentId));
    }

    private static async Task<Results<Ok<LevelScaleView>, ForbidHttpResult, ValidationProblem>> GetScaleAsync(Guid? tutorId,
        ClaimsPrincipal user, StudentLevels levels, CancellationToken ct)
    {
        var scope = TutorScope.For(user, tutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutor)
        {
            return EventResults.TutorRequired();
        }

        var scale = await levels.ScaleAsync(tutor, ct);
        return TypedResults.Ok(new LevelScaleView(scale.Kind, scale.Levels));
    }

    private static async Task<Results<Ok<LevelScaleView>, ForbidHttpResult, ValidationProblem>> SetScaleAsync(
        SetLevelScaleRequest request, ClaimsPrincipal user, StudentLevels levels, CancellationToken ct)
    {
        var scope = TutorScope.For(user, request.TutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutor)
        {
            return EventResults.TutorRequired();
        }

        var (scale, failure) = await levels.SetScaleAsync(tutor, request.Levels ?? [], ct);
        return failure is null ? TypedResults.Ok(new LevelScaleView(scale!.Kind, scale.Levels)) : EventResults.Invalid(failure);
    }

    private static bool OwnStudent(ClaimsPrincipal user, Guid studentId) =>
        user.IsInRole(Roles.Student) && user.UserId() == studentId;

    private static Results<Ok<StudyLevelView>, ForbidHttpResult, ValidationProblem, ProblemHttpResult> ToProblem(Failure failure) =>
        failure.Kind == FailureKind.Invalid ? EventResults.Invalid(failure) : EventResults.Problem(failure);
}
