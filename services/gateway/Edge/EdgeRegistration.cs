using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Edge;

/// <summary>What the gateway does to every request before it is authenticated: headers, CORS, body size.</summary>
public static class EdgeRegistration
{
    public static WebApplicationBuilder AddGatewayEdge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<LimitOptions>(LimitOptions.Section);
        services.AddValidatedOptions<CorsSettings>(CorsSettings.Section);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
            cors.AddPolicy(CorsSettings.Policy, policy => policy
                .WithOrigins([.. settings.Value.AllowedOrigins])
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "X-Correlation-Id", "traceparent", "tracestate")
                .WithExposedHeaders("X-Correlation-Id", "Retry-After", "Content-Disposition", "Location")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>()?.MaxRequestBodyBytes
                ?? new LimitOptions().MaxRequestBodyBytes;
        });
        return builder;
    }

    /// <summary>Runs before the shared pipeline (so before authentication): a CORS preflight carries no token.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCors(CorsSettings.Policy);
        app.UseMiddleware<BodySizeGuard>();
        return app;
    }
}
