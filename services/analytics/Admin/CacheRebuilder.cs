using Npgsql;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Recovery;
using StackExchange.Redis;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// Rewrites the Redis aggregates in scope from PostgreSQL: each key is replaced in one MULTI/EXEC (DEL,
/// then its recomputed content), all pipelined. Events ingested while it runs may be missed or doubled
/// for their keys; reconcile afterwards tells. It holds the rebuild lease, so it never runs at the same time
/// as an automatic rebuild (Recovery/AggregateRebuild.cs): it waits for one to finish, a while.
/// </summary>
public sealed class CacheRebuilder(IConnectionMultiplexer redis, NpgsqlDataSource dataSource, StoredEvents events, RealtimeAggregates aggregates)
{
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(30);

    /// <summary>The report, or null when an automatic rebuild still held the lease after <see cref="LeaseWait"/>.</summary>
    public async Task<RebuildReport?> RebuildAsync(RedisScope scope, CancellationToken cancellationToken)
    {
        await using var lease = await RebuildLease.AcquireAsync(dataSource, LeaseWait, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        var expected = await ExpectedRedis.LoadAsync(events, scope, cancellationToken);
        var existing = await scope.ExistingKeysAsync(redis);
        var db = redis.GetDatabase();
        var writes = existing.Concat(expected.Keys).Distinct().Select(key => expected.ReplaceAsync(db, key)).ToList();
        await Task.WhenAll(writes);
        await aggregates.BumpVersionsAsync(scope.TutorId is { } id ? [id] : []);
        return new RebuildReport(scope.From, scope.To, scope.TutorId, writes.Count);
    }
}

public sealed record RebuildReport(DateOnly From, DateOnly To, Guid? TutorId, int KeysWritten);
