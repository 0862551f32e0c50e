using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Repitbot.Hosting.Outbox;

public static class OutboxRegistration
{
    /// <summary>Runs the relay for <typeparamref name="TContext"/>, whose model must call <c>AddOutbox()</c>.</summary>
    public static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }
}
