using Microsoft.Extensions.Options;
using Prometheus;
using StackExchange.Redis;
using Repitbot.Analytics.Areas;

namespace Repitbot.Analytics.Caching;

/// <summary>
/// Rendered results (area JSON, chart images, quick reports) in Redis under a key that carries the
/// scope's data version: the write side increments <c>analytics:version:{tutorId}</c> and
/// <c>analytics:version:all</c> when it stores events, so a new event makes every older entry
/// unreachable and it simply expires. Redis being down costs speed, never an answer.
/// </summary>
public sealed partial class ResultCache(IConnectionMultiplexer redis, IOptions<CacheOptions> options, ILogger<ResultCache> logger)
{
    private static readonly Counter Requests = Metrics.CreateCounter("repitbot_analytics_cache_requests_total",
        "Read-side cache lookups by cache (area, chart, report) and result (hit, miss).", "cache", "result");

    public async Task<byte[]> GetOrCreateAsync(string cache, AnalyticsScope scope, string key, Func<Task<byte[]>> create)
    {
        if (!options.Value.Enabled)
        {
            return await create();
        }

        var db = redis.GetDatabase();
        RedisKey entry;
        try
        {
            var version = (long?)await db.StringGetAsync(scope.VersionKey) ?? 0;
            entry = $"analytics:cache:{cache}:{scope.Key}:v{version}:{key}";
            var cached = await db.StringGetAsync(entry);
            if (cached.HasValue)
            {
                Requests.WithLabels(cache, "hit").Inc();
                return (byte[])cached!;
            }
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, cache);
            Requests.WithLabels(cache, "miss").Inc();
            return await create();
        }

        Requests.WithLabels(cache, "miss").Inc();
        var value = await create();
        try
        {
            await db.StringSetAsync(entry, value, options.Value.Lifetime);
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, cache);
        }

        return value;
    }

    [LoggerMessage(LogLevel.Warning, "Redis unavailable for the {Cache} cache; answering without it")]
    private partial void LogUnavailable(Exception exception, string cache);
}
