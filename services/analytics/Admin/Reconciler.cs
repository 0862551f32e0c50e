using StackExchange.Redis;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// Compares the Redis aggregates in scope with a recomputation from PostgreSQL: every hash field and
/// sorted-set score must match exactly; a HyperLogLog (an estimate) may be off by its error (2 %, at
/// least 1). Keys in Redis that PostgreSQL knows nothing of are drift too.
/// </summary>
public sealed class Reconciler(IConnectionMultiplexer redis, StoredEvents events)
{
    private const int MaxReported = 1000;

    public async Task<ReconcileReport> ReconcileAsync(RedisScope scope, CancellationToken cancellationToken)
    {
        var expected = await ExpectedRedis.LoadAsync(events, scope, cancellationToken);
        var keys = (await scope.ExistingKeysAsync(redis)).Concat(expected.Hashes.Keys).Concat(expected.Ranks.Keys)
            .Concat(expected.Distinct.Keys).Distinct().ToList();
        var db = redis.GetDatabase();
        var drifts = new List<Drift>();
        var types = await Task.WhenAll(keys.Select(k => db.KeyTypeAsync(k)));
        foreach (var (key, type) in keys.Zip(types))
        {
            if (expected.Distinct.TryGetValue(key, out var members) || ((string)key!).Contains(":active-", StringComparison.Ordinal))
            {
                var counted = type == RedisType.None ? 0 : await db.HyperLogLogLengthAsync(key);
                var exact = members?.Count ?? 0;
                if (Math.Abs(counted - exact) > Math.Max(1, exact / 50))
                {
                    drifts.Add(new Drift(key!, "(distinct)", counted, exact));
                }

                continue;
            }

            var actual = type switch
            {
                RedisType.Hash => (await db.HashGetAllAsync(key)).ToDictionary(h => h.Name, h => (long)h.Value),
                RedisType.SortedSet => (await db.SortedSetRangeByRankWithScoresAsync(key)).ToDictionary(r => r.Element, r => (long)r.Score),
                _ => [],
            };
            var wanted = expected.Hashes.GetValueOrDefault(key) ?? expected.Ranks.GetValueOrDefault(key) ?? [];
            foreach (var field in actual.Keys.Union(wanted.Keys))
            {
                var (inRedis, inPostgres) = (actual.GetValueOrDefault(field), wanted.GetValueOrDefault(field));
                if (inRedis != inPostgres)
                {
                    drifts.Add(new Drift(key!, field!, inRedis, inPostgres));
                }
            }
        }

        return new ReconcileReport(scope.From, scope.To, scope.TutorId, keys.Count, drifts.Count == 0, drifts.Take(MaxReported).ToList());
    }
}

public sealed record Drift(string Key, string Field, long Redis, long Postgres);

public sealed record ReconcileReport(DateOnly From, DateOnly To, Guid? TutorId, int KeysChecked, bool InSync, IReadOnlyList<Drift> Drifts);
