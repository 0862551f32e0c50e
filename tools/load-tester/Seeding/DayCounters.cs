using Npgsql;
using Repitbot.LoadTester.Support;
using StackExchange.Redis;

namespace Repitbot.LoadTester.Seeding;

/// <summary>
/// Analytics' Redis day counters (the dashboard's source) written from the PostgreSQL rollups, in the
/// keys and fields analytics' RealtimeCounters uses.
/// </summary>
public static class DayCounters
{
    /// <summary>Per tutor-day hashes for the seeded tutors, and the all-tutors day hashes recomputed from every rollup.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, string redis, Guid[] tutors, CancellationToken cancellationToken)
    {
        ConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
        }
        catch (RedisConnectionException ex)
        {
            throw new TargetUnreachableException("Redis", redis, ex.Message);
        }

        await using var _ = multiplexer;
        var db = multiplexer.GetDatabase();
        await using var command = new NpgsqlCommand("""
            SELECT tutor_id::text, day, lessons_completed, no_shows, minutes_taught FROM analytics.daily_tutor_stats WHERE tutor_id = ANY(@tutors)
            UNION ALL
            SELECT NULL, day, sum(lessons_completed)::int, sum(no_shows)::int, sum(minutes_taught)::int FROM analytics.daily_tutor_stats GROUP BY day
            """, connection);
        command.Parameters.AddWithValue("tutors", tutors);
        var writes = new List<Task>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var owner = reader.IsDBNull(0) ? "all" : $"tutor:{Guid.Parse(reader.GetString(0)):N}";
            var key = $"analytics:{owner}:day:{reader.GetFieldValue<DateOnly>(1):yyyy-MM-dd}";
            writes.Add(db.HashSetAsync(key,
            [
                new HashEntry("lessons_completed", reader.GetInt32(2)),
                new HashEntry("no_shows", reader.GetInt32(3)),
                new HashEntry("minutes_taught", reader.GetInt32(4)),
            ]));
        }

        await Task.WhenAll(writes);
    }
}
