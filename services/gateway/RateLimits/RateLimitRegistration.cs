using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.RateLimits;

/// <summary>Auth rate limits, counted in Redis so that every gateway replica shares one allowance.</summary>
public static class RateLimitRegistration
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<SharedRateLimiter>();
        services.AddSingleton<ClientRateLimiter>();
        return services;
    }

    public static WebApplication UseAuthAddressLimit(this WebApplication app)
    {
        app.UseMiddleware<AuthAddressLimit>();
        return app;
    }
}
