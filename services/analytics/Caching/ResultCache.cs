using Microsoft.Extensions.Options;
using Prometheus;
using StackExchange.Redis;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Recovery;

namespace Repitbot.Analytics.Caching;

/// <summary>
/// Rendered results (area JSON, chart images, quick reports) in Redis, each stored with the scope's data
/// version it was computed from. The write side increments <c>analytics:version:{tutorId}</c> and
/// <c>analytics:version:all</c> when it stores events, which makes an entry outdated. An outdated entry
/// is still served while it is younger than <see cref="CacheOptions.MaxStaleness"/>, and one refresh
/// runs in the background; older or missing entries are computed before answering. Either way there is
/// one computation per entry at a time in this process (<see cref="SingleFlight"/>), so a busy tutor's
/// event stream or a burst of identical requests never turns into a pile of identical recomputations.
/// Redis being down costs speed, never an answer. Entry keys carry the trust generation
/// (<see cref="AggregateTrust"/>): after Redis lost or rolled back data, entries from before are never read again,
/// even where the restored version keys happen to match them; and while Redis is not trusted (its version keys
/// may be behind the stored events) the cache is left out and every answer is computed.
/// </summary>
public sealed partial class ResultCache(IConnectionMultiplexer redis, IOptions<CacheOptions> options, IServiceProvider services,
    TimeProvider clock, AggregateTrust trust, ILogger<ResultCache> logger) : IDisposable
{
    private static readonly Counter Requests = Metrics.CreateCounter("repitbot_analytics_cache_requests_total",
        "Read-side cache lookups by cache (area, chart, report) and result (hit, miss, bypass = computed without the cache while the Redis aggregates are not trusted).", "cache", "result");

    private readonly SingleFlight _flights = new();
    private readonly SemaphoreSlim _slots = new(options.Value.ComputationSlots);

    /// <summary>
    /// The cached body, or <paramref name="create"/>'s. <paramref name="create"/> gets the root service provider
    /// and no caller's cancellation: a computation may outlive the request that started it and serve others.
    /// </summary>
    public async Task<byte[]> GetOrCreateAsync(string cache, AnalyticsScope scope, string key,
        Func<IServiceProvider, CancellationToken, Task<byte[]>> create, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return await create(services, cancellationToken);
        }

        var entryKey = $"analytics:cache:{cache}:g{trust.Generation}:{scope.Key}:{key}";
        if (!trust.IsTrusted)
        {
            Requests.WithLabels(cache, "bypass").Inc();
            return await _flights.RunAsync(entryKey + ":uncached", () => ComputeAsync(cache, scope, null, create)).WaitAsync(cancellationToken);
        }

        Task<byte[]> Compute() => _flights.RunAsync(entryKey, () => ComputeAsync(cache, scope, entryKey, create));
        long version;
        CacheEntry? entry;
        try
        {
            var values = await redis.GetDatabase().StringGetAsync([scope.VersionKey, entryKey]);
            version = (long?)values[0] ?? 0;
            entry = values[1].HasValue ? CacheEntry.From((byte[])values[1]!) : null;
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, cache);
            Requests.WithLabels(cache, "miss").Inc();
            return await create(services, cancellationToken);
        }

        if (entry is not null)
        {
            if (entry.Version == version)
            {
                Requests.WithLabels(cache, "hit").Inc();
                return entry.Body;
            }

            var age = clock.GetUtcNow() - entry.ComputedAt;
            var bound = options.Value.MaxStaleness;
            if (age <= bound)
            {
                // Outdated but recent enough: answer now; refresh once it is half the bound old, so a
                // steady stream of events costs one recomputation per half bound, not one per event.
                if (age >= bound / 2 && !_flights.IsRunning(entryKey))
                {
                    var seen = entry.ComputedAt;
                    _ = RefreshAsync(() => _flights.RunAsync(entryKey, () => RefreshUnlessDoneAsync(cache, scope, entryKey, seen, create)), cache);
                }

                Requests.WithLabels(cache, "hit").Inc();
                return entry.Body;
            }
        }

        Requests.WithLabels(cache, "miss").Inc();
        return await Compute().WaitAsync(cancellationToken);
    }

    /// <param name="entryKey">Null: compute without reading or writing the cache.</param>
    private async Task<byte[]> ComputeAsync(string cache, AnalyticsScope scope, string? entryKey,
        Func<IServiceProvider, CancellationToken, Task<byte[]>> create)
    {
        var db = redis.GetDatabase();
        long? version;

        // Drawing charts and PDFs is CPU work on pool threads: bounded, it cannot starve the requests that
        // only read an entry. The version is read after waiting, so a queued computation is never older.
        await _slots.WaitAsync();
        byte[] body;
        DateTimeOffset computedAt;
        try
        {
            version = entryKey is null ? null : await ReadVersionAsync(db, scope, cache);
            computedAt = clock.GetUtcNow();
            body = await create(services, CancellationToken.None);
        }
        finally
        {
            _slots.Release();
        }

        if (version is { } v)
        {
            try
            {
                await db.StringSetAsync(entryKey!, new CacheEntry(v, computedAt, body).ToBytes(), options.Value.Lifetime);
            }
            catch (RedisException ex)
            {
                LogUnavailable(ex, cache);
            }
        }

        return body;
    }

    /// <summary>
    /// The background refresh of an entry computed at <paramref name="seen"/>. Another refresh may have finished
    /// between this request's read and its check for a running one (a busy machine widens that gap): then the
    /// entry in Redis is newer than the one seen and is left as it is, so one outdated entry costs one refresh.
    /// </summary>
    private async Task<byte[]> RefreshUnlessDoneAsync(string cache, AnalyticsScope scope, string entryKey, DateTimeOffset seen,
        Func<IServiceProvider, CancellationToken, Task<byte[]>> create)
    {
        try
        {
            var stored = await redis.GetDatabase().StringGetAsync(entryKey);
            if (stored.HasValue && CacheEntry.From((byte[])stored!) is { } current && current.ComputedAt > seen)
            {
                return current.Body;
            }
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, cache);
        }

        return await ComputeAsync(cache, scope, entryKey, create);
    }

    /// <summary>Read before computing: events stored meanwhile leave the entry outdated, never wrongly current.</summary>
    private async Task<long?> ReadVersionAsync(IDatabase db, AnalyticsScope scope, string cache)
    {
        try
        {
            return (long?)await db.StringGetAsync(scope.VersionKey) ?? 0;
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, cache);
            return null;
        }
    }

    private async Task RefreshAsync(Func<Task<byte[]>> compute, string cache)
    {
        try
        {
            await compute();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRefreshFailed(ex, cache);
        }
    }

    public void Dispose() => _slots.Dispose();

    [LoggerMessage(LogLevel.Warning, "Redis unavailable for the {Cache} cache; answering without it")]
    private partial void LogUnavailable(Exception exception, string cache);

    [LoggerMessage(LogLevel.Warning, "Background refresh of a {Cache} cache entry failed; the next request computes it")]
    private partial void LogRefreshFailed(Exception exception, string cache);
}
