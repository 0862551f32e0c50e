using Microsoft.Extensions.Options;
using Prometheus;
using StackExchange.Redis;

namespace Repitbot.Analytics.Observability;

/// <summary>
/// <c>repitbot_analytics_cache_entries{cache}</c> and <c>repitbot_analytics_cache_bytes{cache}</c>: the result
/// cache's entries in Redis and the bytes of their values, per cache (area, chart, report). Sampled every
/// <see cref="MetricsOptions.CacheSizeInterval"/> with SCAN and pipelined STRLEN, never on a request's path.
/// </summary>
public sealed class CacheSizeGauge(IConnectionMultiplexer redis, IOptions<MetricsOptions> options, TimeProvider clock,
    ILogger<CacheSizeGauge> logger) : BackgroundService
{
    public static readonly IReadOnlyList<string> Caches = ["area", "chart", "report"];
    private const string Prefix = "analytics:cache:";
    private const int Batch = 500;

    private static readonly Gauge Entries = Metrics.CreateGauge("repitbot_analytics_cache_entries",
        "Entries of the analytics result cache in Redis, sampled periodically.", "cache");

    private static readonly Gauge Bytes = Metrics.CreateGauge("repitbot_analytics_cache_bytes",
        "Bytes of the values of the analytics result cache in Redis (STRLEN, without Redis' own overhead), sampled periodically.", "cache");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every label set exists from the start, so an empty cache reads 0 rather than "no data".
        foreach (var cache in Caches)
        {
            Entries.WithLabels(cache).Set(0);
            Bytes.WithLabels(cache).Set(0);
        }

        using var timer = new PeriodicTimer(options.Value.CacheSizeInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis away: keep the last values and try again at the next tick.
                CacheSizeLog.SampleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var server = redis.GetServers().First(s => !s.IsReplica);
        var (entries, bytes) = (Caches.ToDictionary(c => c, _ => 0L), Caches.ToDictionary(c => c, _ => 0L));
        var keys = new List<RedisKey>(Batch);
        await foreach (var key in server.KeysAsync(db.Database, Prefix + "*", pageSize: Batch).WithCancellation(cancellationToken))
        {
            keys.Add(key);
            if (keys.Count == Batch)
            {
                await AddAsync(db, keys, entries, bytes);
                keys.Clear();
            }
        }

        await AddAsync(db, keys, entries, bytes);
        foreach (var cache in Caches)
        {
            Entries.WithLabels(cache).Set(entries[cache]);
            Bytes.WithLabels(cache).Set(bytes[cache]);
        }
    }

    private static async Task AddAsync(IDatabase db, List<RedisKey> keys, Dictionary<string, long> entries, Dictionary<string, long> bytes)
    {
        var lengths = await Task.WhenAll(keys.Select(k => db.StringLengthAsync(k)));
        for (var i = 0; i < keys.Count; i++)
        {
            // analytics:cache:{area|chart|report}:…
            var cache = keys[i].ToString()[Prefix.Length..].Split(':', 2)[0];
            if (entries.TryGetValue(cache, out var count) && lengths[i] > 0)
            {
                entries[cache] = count + 1;
                bytes[cache] += lengths[i];
            }
        }
    }
}

internal static partial class CacheSizeLog
{
    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Sampling the result cache's size in Redis failed")]
    public static partial void SampleFailed(ILogger logger, Exception exception);
}
