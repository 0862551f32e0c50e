using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Repitbot.Gateway.RateLimits;

/// <summary>
/// Per-client limits. The client is known only once the body is read (client_id, the Telegram user, the
/// refresh token), later than the rate-limiting middleware runs, so handlers ask this limiter themselves.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public ClientRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _window = settings.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AuthPerClient, Window = settings.Window, QueueLimit = 0 }));
    }

    /// <summary>Null when the request may go on; else the 429 to answer.</summary>
    public ProblemHttpResult? Reject(HttpContext context, string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
        return TooManyRequests.Answer(context, RateLimitPolicies.AuthPerClient, retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
