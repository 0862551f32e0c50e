using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Repitbot.Gateway.Health;

public static class ServicesHealthApi
{
    public static IServiceCollection AddServicesHealth(this IServiceCollection services)
    {
        services.AddHttpClient<ServiceReadiness>();
        return services;
    }

    public static IEndpointRouteBuilder MapServicesHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Readiness of every service behind the gateway: 200 when all are ready, 503 otherwise.")
            .Produces<SuiteHealth>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<JsonHttpResult<SuiteHealth>> GetAsync(ServiceReadiness readiness, CancellationToken cancellationToken)
    {
        var services = await readiness.CheckAllAsync(cancellationToken);
        var healthy = services.Values.All(s => s.Status == nameof(HealthStatus.Healthy));
        var status = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        return TypedResults.Json(new SuiteHealth(status.ToString(), services),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record SuiteHealth(string Status, IReadOnlyDictionary<string, ServiceHealth> Services);
