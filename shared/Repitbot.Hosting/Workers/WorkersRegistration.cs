using Microsoft.Extensions.DependencyInjection;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Health;

namespace Repitbot.Hosting.Workers;

public static class WorkersRegistration
{
    /// <summary>The heartbeat registry, its readiness check (<c>workers</c>) and its gauges.</summary>
    public static IServiceCollection AddWorkerHeartbeats(this IServiceCollection services)
    {
        services.AddValidatedOptions<WorkerOptions>("Workers");
        services.AddSingleton(sp =>
        {
            var workers = ActivatorUtilities.CreateInstance<WorkerHeartbeats>(sp);
            WorkerMetrics.Observe(workers);
            return workers;
        });
        services.AddHealthChecks().AddCheck<WorkersHealthCheck>("workers", tags: [HealthTags.Ready]);
        return services;
    }
}
