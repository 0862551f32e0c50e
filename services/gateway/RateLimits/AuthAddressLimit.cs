using Microsoft.Extensions.Options;
using Repitbot.Gateway.Edge;

namespace Repitbot.Gateway.RateLimits;

/// <summary>Marks the endpoints whose calls count against the per-address allowance (every /auth endpoint).</summary>
public sealed class AuthAddressLimited
{
    public static readonly AuthAddressLimited Instance = new();

    private AuthAddressLimited()
    {
    }
}

/// <summary>
/// Counts each call to a marked endpoint per calling address before anything else reads the request,
/// and answers 429 with Retry-After beyond the allowance. The gateway is the edge: the peer address
/// is the caller's; X-Forwarded-For is not trusted.
/// </summary>
internal sealed class AuthAddressLimit(RequestDelegate next, SharedRateLimiter limiter, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AuthAddressLimited>() is null)
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limiter.TryAcquireAsync(RateLimitPolicies.AuthPerIp, address, options.Value.AuthPerIp) is { } retryAfter)
        {
            var seconds = TooManyRequests.SetRetryAfter(context, RateLimitPolicies.AuthPerIp, retryAfter);
            await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, TooManyRequests.Title, $"Try again in {seconds} s.");
            return;
        }

        await next(context);
    }
}
