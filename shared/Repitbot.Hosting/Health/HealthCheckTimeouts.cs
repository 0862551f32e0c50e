using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Repitbot.Hosting.Health;

/// <summary>
/// A readiness probe answers within seconds even when a dependency hangs (a server that takes the connection
/// and never speaks): a check without a time-out of its own fails after <see cref="PerCheck"/>, and the
/// probe says which one.
/// </summary>
public static class HealthCheckTimeouts
{
    public static readonly TimeSpan PerCheck = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddHealthCheckTimeouts(this IServiceCollection services) =>
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = PerCheck;
            }
        });
}
