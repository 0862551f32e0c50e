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
        var writes = new List<Task>();
        foreach (var key in existing.Concat(expected.Hashes.Keys).Concat(expected.Ranks.Keys).Concat(expected.Distinct.Keys).Distinct())
        {
            var transaction = db.CreateTransaction();
            _ = transaction.KeyDeleteAsync(key);
            if (expected.Hashes.TryGetValue(key, out var fields))
            {
                _ = transaction.HashSetAsync(key, fields.Select(f => new HashEntry(f.Key, f.Value)).ToArray());
            }

            if (expected.Ranks.TryGetValue(key, out var ranks))
            {
                _ = transaction.SortedSetAddAsync(key, ranks.Select(r => new SortedSetEntry(r.Key, r.Value)).ToArray());
            }

            if (expected.Distinct.TryGetValue(key, out var members))
            {
                _ = transaction.HyperLogLogAddAsync(key, members.ToArray());
            }

            writes.Add(transaction.ExecuteAsync());
        }

        await Task.WhenAll(writes);
        await aggregates.BumpVersionsAsync(scope.TutorId is { } id ? [id] : []);
        return new RebuildReport(scope.From, scope.To, scope.TutorId, writes.Count);
    }
}

public sealed record RebuildReport(DateOnly From, DateOnly To, Guid? TutorId, int KeysWritten);
