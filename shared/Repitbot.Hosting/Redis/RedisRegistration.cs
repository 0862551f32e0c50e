using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Health;
using Repitbot.Hosting.Startup;
using StackExchange.Redis;

namespace Repitbot.Hosting.Redis;

public static class RedisRegistration
{
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RedisOptions>("ConnectionStrings");
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetValidated<RedisOptions>().Redis!);
            // Keep reconnecting in the background after a Redis restart instead of failing for good.
            options.AbortOnConnectFail = false;
            options.ClientName = builder.Environment.ApplicationName;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthTags.Ready]);
        services.AddDependencyProbe("Redis", sp => sp.GetValidated<RedisOptions>().Redis!, async (sp, _) =>
            await sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync());
        return builder;
    }
}
