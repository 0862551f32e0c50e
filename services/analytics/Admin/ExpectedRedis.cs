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
                expected.Apply(op);
            }
        }

        return expected;
    }

    private void Apply(RedisOp op)
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
