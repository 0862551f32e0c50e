using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Repitbot.Gateway.RateLimits;

/// <summary>
/// Per-client limits. The client is known only once the body is read (client_id, the Telegram user),
/// later than the per-address check runs, so handlers ask this limiter themselves.
/// </summary>
public sealed class ClientRateLimiter(SharedRateLimiter limiter, IOptions<RateLimitOptions> options)
{
    /// <summary>Null when the request may go on; else the 429 to answer.</summary>
    public async Task<ProblemHttpResult?> RejectAsync(HttpContext context, string key)
    {
        var wait = await limiter.TryAcquireAsync(RateLimitPolicies.AuthPerClient, key, options.Value.AuthPerClient);
        return wait is { } retryAfter ? TooManyRequests.Answer(context, RateLimitPolicies.AuthPerClient, retryAfter) : null;
    }
}
