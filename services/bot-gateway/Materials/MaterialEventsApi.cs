using System.Security.Claims;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.UseCases;
using Repitbot.Hosting.Auth;

namespace Repitbot.BotGateway.Materials;

public static class MaterialEventsApi
{
    public static IEndpointRouteBuilder MapMaterialEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events/materials").WithTags("Events").RequireAuthorization(Policies.TutorData);
        group.MapPost("/shared", (ShareMaterialRequest request, ClaimsPrincipal user, MaterialUseCases materials, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.MaterialShared, user, request.TutorId, t => materials.ShareAsync(t, request, ct)))
            .WithSummary("Shares a material with one student or all of the tutor's students and publishes MaterialShared.");
        group.MapPost("/viewed", (ViewMaterialRequest request, ClaimsPrincipal user, MaterialUseCases materials, CancellationToken ct) =>
                EventResults.RecordAsync(EventKinds.MaterialViewed, user, request.TutorId, t => materials.ViewAsync(Caller.Tutor(t), request, ct)))
            .WithSummary("Records that a student opened a material and publishes MaterialViewed.");
        return app;
    }
}
