using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>
/// Makes the test Redis database look like a server that came back empty, as far as analytics can tell: every
/// <c>analytics:*</c> key removed (SCAN + DEL rather than FLUSHDB, so other services' tests sharing the database
/// keep their keys). Refuses database 0, which ./run.sh uses.
/// </summary>
public static class RedisWipe
{
    public static async Task AnalyticsKeysAsync(IConnectionMultiplexer redis)
    {
        var db = redis.GetDatabase();
        if (db.Database == 0)
        {
            throw new InvalidOperationException("Refusing to wipe Redis database 0 (./run.sh's); set REPITBOT_REDIS_DATABASE as ./test.sh does.");
        }

        var server = redis.GetServers().First(s => s.IsConnected && !s.IsReplica);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(db.Database, "analytics:*", pageSize: 1000))
        {
            keys.Add(key);
        }

        foreach (var chunk in keys.Chunk(1000))
        {
            await db.KeyDeleteAsync(chunk);
        }
    }
}
