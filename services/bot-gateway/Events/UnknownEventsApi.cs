using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.BotGateway.Lessons;

namespace Repitbot.BotGateway.Events;

public static class UnknownEventsApi
{
    private static readonly string[] KnownKinds = [LessonEventsApi.CompletedKind];

    /// <summary>Anything under /api/v1/events that no event endpoint claimed: a 400 that lists what exists.</summary>
    public static IEndpointRouteBuilder MapUnknownEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events/{**kind}", Reject).WithTags("Events").ExcludeFromDescription();
        return app;
    }

    private static ValidationProblem Reject(string? kind) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["kind"] = [$"Unknown event kind '{kind}'. Known kinds: {string.Join(", ", KnownKinds)}."],
            },
            title: "Unknown event kind.");
}
