using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Recovery;

public enum RebuildOutcome
{
    /// <summary>Rebuilt; the trust record says trusted again.</summary>
    Done,

    /// <summary>Another replica holds the lease.</summary>
    Busy,

    /// <summary>The record was already trusted again when the lease was won.</summary>
    NotNeeded,

    /// <summary>Redis restarted or was flushed during the rebuild; the next check starts another.</summary>
    Abandoned,
}

/// <summary>
/// Rewrites every Redis aggregate from PostgreSQL, without losing or doubling an event that arrives meanwhile:
/// <list type="number">
/// <item>the lease (<see cref="RebuildLease"/>): one rebuild at a time across replicas;</item>
/// <item>the rebuild flag: from now on ingestion's Lua script refuses to count, and ingestion waits with its
/// batch (already committed to PostgreSQL) until the flag is gone; every count made before the flag is of an
/// event committed before the flag;</item>
/// <item>one read of every stored event (one snapshot, taken after the flag, so it holds every event counted
/// before the flag); each aggregate key is replaced by its recomputed content and every event recent enough
/// to be offered to Redis again gets its exactly-once marker, so a waiting batch counts only its events
/// the snapshot missed;</item>
/// <item>the trust record marked trusted and the flag lifted in one step (<see cref="TrustLedger.MarkTrustedAsync"/>).</item>
/// </list>
/// </summary>
public sealed class AggregateRebuild(NpgsqlDataSource dataSource, IConnectionMultiplexer redis, TrustLedger ledger, AggregateTrust trust,
    RealtimeAggregates aggregates, IOptions<RecoveryOptions> options, IOptions<IngestionOptions> ingestion, TimeProvider clock,
    ILogger<AggregateRebuild> logger)
{
    private const int WritesInFlight = 5000;

    private const string RenewFlag = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseFlag = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async Task<RebuildOutcome> RunAsync(long generation, CancellationToken cancellationToken)
    {
        await using var lease = await RebuildLease.TryAcquireAsync(dataSource, cancellationToken);
        if (lease is null)
        {
            return RebuildOutcome.Busy;
        }

        if (await ledger.IsTrustedAsync(cancellationToken))
        {
            return RebuildOutcome.NotNeeded;
        }

        trust.Set(TrustStatus.Rebuilding, generation, "rebuilding from PostgreSQL");
        var started = Stopwatch.GetTimestamp();
        var db = redis.GetDatabase();
        var runId = await ledger.RunIdAsync();
        var token = Guid.NewGuid().ToString("N");
        var lifetime = options.Value.RebuildFlagLifetime;
        await db.StringSetAsync(RedisKeys.Rebuilding, token, lifetime);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(db, token, lifetime, renewal.Token);
        try
        {
            var (events, keys, markers) = await RewriteAsync(db, cancellationToken);
            await renewal.CancelAsync();
            await renewing;
            if (await ledger.MarkTrustedAsync(generation, runId, token, cancellationToken) is { } reason)
            {
                RecoveryMetrics.Rebuilds.WithLabels("abandoned").Inc();
                RecoveryLog.Abandoned(logger, reason);
                return RebuildOutcome.Abandoned;
            }

            RecoveryMetrics.Rebuilds.WithLabels("done").Inc();
            var duration = Stopwatch.GetElapsedTime(started);
            RecoveryLog.Rebuilt(logger, events, keys, markers, duration, generation);
            trust.Set(TrustStatus.Trusted, generation, "rebuilt");
            return RebuildOutcome.Done;
        }
        catch
        {
            RecoveryMetrics.Rebuilds.WithLabels("failed").Inc();
            throw;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            await ReleaseAsync(db, token);
        }
    }

    private async Task<(long Events, int Keys, int Markers)> RewriteAsync(IDatabase db, CancellationToken cancellationToken)
    {
        var expected = new ExpectedRedis();
        var tutors = new HashSet<Guid>();
        var recent = new List<Guid>();
        var lifetime = ingestion.Value.MarkerLifetime;
        // Ingestion offers an event to Redis again only if it was stored less than half the marker lifetime
        // ago (EventIngestor); an hour more covers clocks that differ between replicas.
        var markersFrom = clock.GetUtcNow() - lifetime / 2 - TimeSpan.FromHours(1);
        long events = 0;
        await foreach (var (e, receivedAt) in StoredEventReader.ReadAllAsync(dataSource, cancellationToken))
        {
            events++;
            foreach (var op in RedisOps.Of(e))
            {
                expected.Add(op);
            }

            tutors.Add(e.TutorId);
            if (receivedAt >= markersFrom)
            {
                recent.Add(e.EventId);
            }
        }

        var keys = (await AggregateKeysAsync()).Concat(expected.Keys).Distinct().ToList();
        foreach (var chunk in keys.Chunk(WritesInFlight))
        {
            await Task.WhenAll(chunk.Select(key => expected.ReplaceAsync(db, key)));
        }

        foreach (var chunk in recent.Chunk(WritesInFlight))
        {
            await Task.WhenAll(chunk.Select(id => db.StringSetAsync(RedisKeys.Applied(id), "1", lifetime)));
        }

        await aggregates.BumpVersionsAsync(tutors);
        return (events, keys.Count, recent.Count);
    }

    /// <summary>Every aggregate key Redis holds now, so that keys no stored event explains are removed.</summary>
    private async Task<List<RedisKey>> AggregateKeysAsync()
    {
        var server = redis.GetServers().First(s => s.IsConnected && !s.IsReplica);
        var keys = new List<RedisKey>();
        foreach (var pattern in new[] { "analytics:tutor:*", "analytics:all:*" })
        {
            await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static async Task RenewAsync(IDatabase db, string token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lifetime / 3, cancellationToken);
                await db.ScriptEvaluateAsync(RenewFlag, [RedisKeys.Rebuilding], [token, (long)lifetime.TotalMilliseconds]);
            }
        }
        catch (OperationCanceledException)
        {
            // The rebuild finished.
        }
        catch (RedisException)
        {
            // Redis went away: the rebuild fails on its own writes, or finds its flag gone at the end.
        }
    }

    private static async Task ReleaseAsync(IDatabase db, string token)
    {
        try
        {
            await db.ScriptEvaluateAsync(ReleaseFlag, [RedisKeys.Rebuilding], [token]);
        }
        catch (RedisException)
        {
            // Unreachable Redis: the flag expires on its own.
        }
    }
}
