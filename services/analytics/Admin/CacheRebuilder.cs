using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// Rewrites the Redis aggregates in scope from PostgreSQL: each key is replaced in one MULTI/EXEC (DEL,
/// then its recomputed content), all pipelined. Events ingested while it runs may be missed or doubled
/// for their keys; reconcile afterwards tells.
/// </summary>
public sealed class CacheRebuilder(IConnectionMultiplexer redis, StoredEvents events, RealtimeAggregates aggregates)
{
    public async Task<RebuildReport> RebuildAsync(RedisScope scope, CancellationToken cancellationToken)
    {
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
