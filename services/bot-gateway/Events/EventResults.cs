using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.BotGateway.UseCases;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;

namespace Repitbot.BotGateway.Events;

/// <summary>What was recorded; the same answer (200 instead of 202) comes back when a client repeats a request.</summary>
public sealed record Recorded<TEvent>(string Kind, bool Replayed, TEvent Event);

/// <summary>Turns a use case's outcome into HTTP: 202 new, 200 repeated, problem details naming the field otherwise.</summary>
public static class EventResults
{
    public static Task<Results<Accepted<Recorded<TEvent>>, Ok<Recorded<TEvent>>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>>
        RecordAsync<TEvent>(string kind, ClaimsPrincipal user, Guid? requestedTutorId, Func<Guid, Task<Outcome<TEvent>>> useCase)
        where TEvent : class =>
        RecordAsync(user, requestedTutorId, useCase, (e, replayed) => new Recorded<TEvent>(kind, replayed, e));

    /// <summary>The same, answering with <paramref name="answer"/>'s shape of the event (an endpoint's older contract).</summary>
    public static async Task<Results<Accepted<TAnswer>, Ok<TAnswer>, ForbidHttpResult, ValidationProblem, ProblemHttpResult>>
        RecordAsync<TEvent, TAnswer>(ClaimsPrincipal user, Guid? requestedTutorId, Func<Guid, Task<Outcome<TEvent>>> useCase,
            Func<TEvent, bool, TAnswer> answer)
        where TEvent : class
    {
        var scope = TutorScope.For(user, requestedTutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        if (scope.TutorId is not { } tutorId)
        {
            return TutorRequired();
        }

        var outcome = await useCase(tutorId);
        if (outcome.Failure is { } failure)
        {
            return failure.Kind == FailureKind.Invalid ? Invalid(failure) : Problem(failure);
        }

        var recorded = answer(outcome.Event!, outcome.Replayed);
        return outcome.Replayed ? TypedResults.Ok(recorded) : TypedResults.Accepted((string?)null, recorded);
    }

    public static ValidationProblem TutorRequired() =>
        FieldProblem.Of("tutorId", "tutorId is required when an admin or a service records an event.", "tutorId is required.");

    public static ValidationProblem Invalid(Failure failure) => FieldProblem.Of(failure.Field, failure.Message, failure.Message);

    public static ProblemHttpResult Problem(Failure failure) => TypedResults.Problem(
        title: failure.Message,
        statusCode: failure.Kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        extensions: new Dictionary<string, object?> { ["field"] = failure.Field, ["code"] = failure.Code });
}
