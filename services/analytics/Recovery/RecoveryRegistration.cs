using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Health;

namespace Repitbot.Analytics.Recovery;

/// <summary>Detecting a Redis loss, rebuilding from PostgreSQL, and saying so in readiness.</summary>
public static class RecoveryRegistration
{
    public static WebApplicationBuilder AddRedisRecovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RecoveryOptions>(RecoveryOptions.Section);
        builder.Services.AddSingleton<AggregateTrust>();
        builder.Services.AddSingleton<TrustLedger>();
        builder.Services.AddSingleton<AggregateRebuild>();
        builder.Services.AddSingleton<TrustMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrustMonitor>());
        builder.Services.AddHealthChecks().AddCheck<TrustHealthCheck>("redis-aggregates", tags: [HealthTags.Ready]);
        return builder;
    }
}
