using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Edge;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.RateLimits;

/// <summary>
/// Limits live in this process: with several gateway instances, each allows the configured number, so
/// the effective limit is that times the instance count.
/// </summary>
public static class RateLimitRegistration
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<ClientRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = TooManyRequests.SetRetryAfter(context.HttpContext, RateLimitPolicies.AuthPerIp, retryAfter);
                await ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, TooManyRequests.Title,
                    $"Try again in {seconds} s.");
            };
            // The gateway is the edge: the peer address is the caller's. X-Forwarded-For is not trusted.
            limiter.AddPolicy(RateLimitPolicies.AuthPerIp, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AuthPerIp, Window = settings.Window, QueueLimit = 0 });
            });
        });
        return services;
    }
}
