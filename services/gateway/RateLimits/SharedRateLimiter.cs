using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Repitbot.Gateway.RateLimits;

/// <summary>
/// Fixed-window counters in Redis, so every gateway replica counts against the same allowance (with
/// counters per process, N replicas would allow N times the limit to a password guesser). While Redis
/// cannot be reached, each process keeps counting on its own: the auth endpoints stay open to real
/// users and still limited, just per replica.
/// </summary>
public sealed partial class SharedRateLimiter : IDisposable
{
    // INCR, and start the window with the first hit; a key that lost its expiry gets one again.
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local n = redis.call('INCR', @key)
        local ttl = redis.call('PTTL', @key)
        if ttl < 0 then
          redis.call('PEXPIRE', @key, @window)
          ttl = tonumber(@window)
        end
        return {n, ttl}
        """);

    private readonly IConnectionMultiplexer _redis;
    private readonly RateLimitOptions _settings;
    private readonly ILogger<SharedRateLimiter> _logger;
    private readonly PartitionedRateLimiter<(string Key, int Limit)> _local;
    private long _lastWarningTicks;

    public SharedRateLimiter(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options, ILogger<SharedRateLimiter> logger)
    {
        _redis = redis;
        _settings = options.Value;
        _logger = logger;
        _local = PartitionedRateLimiter.Create<(string Key, int Limit), (string Key, int Limit)>(partition =>
            RateLimitPartition.GetFixedWindowLimiter(partition, p => new FixedWindowRateLimiterOptions
            {
                PermitLimit = p.Limit, Window = _settings.Window, QueueLimit = 0,
            }));
    }

    /// <summary>Counts one request of <paramref name="partition"/> under <paramref name="policy"/>; null when it may go on, else how long to wait.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string policy, string partition, int limit)
    {
        var key = $"{_settings.KeyPrefix}:ratelimit:{policy}:{partition}";
        try
        {
            var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(Count,
                new { key = (RedisKey)key, window = (long)_settings.Window.TotalMilliseconds }))!;
            return (long)result[0] <= limit ? null : TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException or TimeoutException)
        {
            WarnOncePerMinute(ex);
            using var lease = _local.AttemptAcquire((key, limit));
            return lease.IsAcquired ? null
                : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _settings.Window;
        }
    }

    private void WarnOncePerMinute(Exception ex)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last >= 60_000 && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            CountingLocally(_logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits are counted per process: Redis is unreachable ({Error}: {Reason})")]
    private static partial void CountingLocally(ILogger logger, string error, string reason);

    public void Dispose() => _local.Dispose();
}
