using Repitbot.Analytics.Ingestion;
using StackExchange.Redis;

namespace Repitbot.Analytics.Realtime;

/// <summary>One change to a Redis aggregate: HINCRBY, ZINCRBY or PFADD.</summary>
public readonly record struct RedisOp(char Kind, RedisKey Key, RedisValue Member, long By)
{
    public static RedisOp Hash(RedisKey key, string field, long by) => new('h', key, field, by);

    public static RedisOp Rank(RedisKey key, Guid member, long by) => new('z', key, member.ToString("N"), by);

    public static RedisOp Distinct(RedisKey key, Guid member) => new('p', key, member.ToString("N"), 0);
}

/// <summary>What one event changes in Redis, for its tutor and for everyone.</summary>
public static class RedisOps
{
    public static IEnumerable<RedisOp> Of(IngestedEvent e)
    {
        var effect = e.Effect;
        foreach (var owner in new Guid?[] { e.TutorId, null })
        {
            var day = RedisKeys.Day(owner, e.Day);
            foreach (var counter in Counters.All.Where(c => effect.Counters[c] != 0))
            {
                yield return RedisOp.Hash(day, counter.Name(), effect.Counters[counter]);
            }

            if (effect.Money is { } money)
            {
                yield return RedisOp.Hash(day, RedisKeys.Received(money.Currency), money.ReceivedMinor);
                yield return RedisOp.Hash(day, RedisKeys.Refunded(money.Currency), money.RefundedMinor);
            }

            if (effect.Cancellation is { } cancellation)
            {
                yield return RedisOp.Hash(day, RedisKeys.Cancelled(cancellation.CancelledBy), 1);
            }

            if (effect.ActiveStudent is { } student)
            {
                yield return RedisOp.Distinct(RedisKeys.ActiveStudents(owner, e.Day), student);
            }

            if (effect.ViewedMaterial is { } material)
            {
                yield return RedisOp.Rank(RedisKeys.Materials(owner, e.Day), material, 1);
            }
        }

        yield return RedisOp.Distinct(RedisKeys.ActiveUsers(e.Day), e.TutorId);
        if (effect.ActiveStudent is { } active)
        {
            yield return RedisOp.Distinct(RedisKeys.ActiveUsers(e.Day), active);
            yield return RedisOp.Rank(RedisKeys.Students(e.TutorId, e.Day), active, 1);
        }
    }
}
