using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Repitbot.Hosting.Workers;

public static class ShutdownRegistration
{
    /// <summary>
    /// How long a stopping service gives its workers to finish what they hold. Workers stop taking new work
    /// at once, finish or hand back what is in flight within <see cref="DrainTime"/>, and the host gives up
    /// waiting after <see cref="HostTimeout"/>: under Kubernetes' default 30 s grace period a stop never
    /// ends in SIGKILL, and whatever was not finished is taken again from PostgreSQL or the broker.
    /// </summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddBoundedShutdown(this IServiceCollection services) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = HostTimeout);
}
