using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Repitbot.Hosting.Health;

namespace Repitbot.BotGateway.Observability;

public static class HealthAlias
{
    /// <summary>/health as the issue names it: the same answer as /health/ready.</summary>
    public static IEndpointRouteBuilder MapHealthAlias(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
