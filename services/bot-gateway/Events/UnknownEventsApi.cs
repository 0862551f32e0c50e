using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Hosting.Errors;

namespace Repitbot.BotGateway.Events;

public static class UnknownEventsApi
{
    /// <summary>Anything under /api/v1/events that no event endpoint claimed: a 400 that lists what exists.</summary>
    public static IEndpointRouteBuilder MapUnknownEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events/{**kind}", Reject).WithTags("Events").ExcludeFromDescription();
        return app;
    }

    private static ValidationProblem Reject(string? kind) =>
        FieldProblem.Of("kind", $"Unknown event kind '{kind}'. Known kinds: {string.Join(", ", EventKinds.All)}.", "Unknown event kind.");
}
