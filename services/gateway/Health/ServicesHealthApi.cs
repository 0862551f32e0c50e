using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Repitbot.Gateway.Health;

public static class ServicesHealthApi
{
    public static IServiceCollection AddServicesHealth(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(ServiceReadiness));
        services.AddSingleton<ServiceReadiness>();
        services.AddSingleton<SuiteHealthCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapServicesHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Readiness of every service behind the gateway: 200 Healthy when all are, else 503 Degraded naming the others.")
            .Produces<SuiteHealth>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<JsonHttpResult<SuiteHealth>> GetAsync(SuiteHealthCache health, CancellationToken cancellationToken)
    {
        var services = await health.GetAsync(cancellationToken);
        var degraded = services.Where(s => s.Value.Status != nameof(HealthStatus.Healthy)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        // The gateway itself serves, so the suite is at worst Degraded: the other services still answer through it.
        var status = degraded.Count == 0 ? HealthStatus.Healthy : HealthStatus.Degraded;
        return TypedResults.Json(new SuiteHealth(status.ToString(), services, degraded),
            statusCode: degraded.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

/// <param name="Degraded">The services that are not Healthy (Degraded, Unhealthy or not answering), by name.</param>
public sealed record SuiteHealth(string Status, IReadOnlyDictionary<string, ServiceHealth> Services, IReadOnlyList<string> Degraded);
