using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// What Redis should hold for a span of days, recomputed from the stored events through the same
/// <see cref="RedisOps"/> ingestion applies: hash fields and sorted-set scores summed, HyperLogLog members collected.
/// </summary>
public sealed class ExpectedRedis
{
    public Dictionary<RedisKey, Dictionary<RedisValue, long>> Hashes { get; } = [];
    public Dictionary<RedisKey, Dictionary<RedisValue, long>> Ranks { get; } = [];
    public Dictionary<RedisKey, HashSet<RedisValue>> Distinct { get; } = [];

    public static async Task<ExpectedRedis> LoadAsync(StoredEvents events, RedisScope scope, CancellationToken cancellationToken)
    {
        var expected = new ExpectedRedis();
        await foreach (var e in events.ReadAsync(scope.From, scope.To, scope.TutorId, cancellationToken))
        {
            foreach (var op in RedisOps.Of(e).Where(op => scope.Owns(op.Key)))
            {
                expected.Add(op);
            }
        }

        return expected;
    }

    /// <summary>Every key with content.</summary>
    public IEnumerable<RedisKey> Keys => Hashes.Keys.Concat(Ranks.Keys).Concat(Distinct.Keys);

    /// <summary>
    /// Replaces <paramref name="key"/> with its expected content (or removes it when there is none) in one
    /// MULTI/EXEC, so a reader never sees it half written.
    /// </summary>
    public Task ReplaceAsync(IDatabase db, RedisKey key)
    {
        var transaction = db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        if (Hashes.TryGetValue(key, out var fields))
        {
            _ = transaction.HashSetAsync(key, fields.Select(f => new HashEntry(f.Key, f.Value)).ToArray());
        }

        if (Ranks.TryGetValue(key, out var ranks))
        {
            _ = transaction.SortedSetAddAsync(key, ranks.Select(r => new SortedSetEntry(r.Key, r.Value)).ToArray());
        }

        if (Distinct.TryGetValue(key, out var members))
        {
            _ = transaction.HyperLogLogAddAsync(key, members.ToArray());
        }

        return transaction.ExecuteAsync();
    }

    public void Add(RedisOp op)
    {
        switch (op.Kind)
        {
            case 'h':
                Add(Hashes, op);
                break;
            case 'z':
                Add(Ranks, op);
                break;
            default:
                if (!Distinct.TryGetValue(op.Key, out var members))
                {
                    Distinct[op.Key] = members = [];
                }

                members.Add(op.Member);
                break;
        }
    }

    private static void Add(Dictionary<RedisKey, Dictionary<RedisValue, long>> map, RedisOp op)
    {
        if (!map.TryGetValue(op.Key, out var fields))
        {
            map[op.Key] = fields = [];
        }

        fields[op.Member] = fields.GetValueOrDefault(op.Member) + op.By;
    }
}
