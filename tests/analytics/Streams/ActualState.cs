using Npgsql;
using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Streams;

/// <summary>What the service keeps for some tutors, in PostgreSQL's rollups and in Redis, in <see cref="NaiveRollup"/>'s shape.</summary>
public static class ActualState
{
    public static async Task<Dictionary<(Guid, DateOnly), Dictionary<string, long>>> StatsAsync(NpgsqlDataSource db, Guid[] tutors)
    {
        var stats = new Dictionary<(Guid, DateOnly), Dictionary<string, long>>();
        await using var command = db.CreateCommand("SELECT * FROM analytics.daily_tutor_stats WHERE tutor_id = ANY($1)");
        command.Parameters.AddWithValue(tutors);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var fields = new Dictionary<string, long>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetName(i) is not ("tutor_id" or "day") && Convert.ToInt64(reader.GetValue(i)) is var value and not 0)
                {
                    fields[reader.GetName(i)] = value;
                }
            }

            stats[(reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)))] = fields;
        }

        return stats;
    }

    public static async Task<Dictionary<(Guid, DateOnly, string), (long, long)>> MoneyAsync(NpgsqlDataSource db, Guid[] tutors)
    {
        var money = new Dictionary<(Guid, DateOnly, string), (long, long)>();
        await using var command = db.CreateCommand(
            "SELECT tutor_id, day, currency, received_minor, refunded_minor FROM analytics.daily_revenue WHERE tutor_id = ANY($1)");
        command.Parameters.AddWithValue(tutors);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            money[(reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2))] = (reader.GetInt64(3), reader.GetInt64(4));
        }

        return money;
    }

    public static async Task<Dictionary<(Guid, DateOnly, string, string), long>> CancellationsAsync(NpgsqlDataSource db, Guid[] tutors)
    {
        var cancellations = new Dictionary<(Guid, DateOnly, string, string), long>();
        await using var command = db.CreateCommand(
            "SELECT tutor_id, day, cancelled_by, reason, cancelled FROM analytics.daily_cancellations WHERE tutor_id = ANY($1)");
        command.Parameters.AddWithValue(tutors);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cancellations[(reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2), reader.GetString(3))] = reader.GetInt32(4);
        }

        return cancellations;
    }

    /// <summary>The tutors' Redis day hashes (non-zero fields) for every day in the span.</summary>
    public static async Task<Dictionary<(Guid, DateOnly), Dictionary<string, long>>> HashesAsync(IDatabase redis, Guid[] tutors, DateOnly from, DateOnly to)
    {
        var hashes = new Dictionary<(Guid, DateOnly), Dictionary<string, long>>();
        foreach (var tutor in tutors)
        {
            foreach (var day in RealtimeReader.Days(from, to))
            {
                var fields = (await redis.HashGetAllAsync(RedisKeys.Day(tutor, day)))
                    .Where(f => (long)f.Value != 0).ToDictionary(f => f.Name.ToString(), f => (long)f.Value);
                if (fields.Count > 0)
                {
                    hashes[(tutor, day)] = fields;
                }
            }
        }

        return hashes;
    }

    public static async Task<Dictionary<(Guid, DateOnly), Dictionary<string, long>>> MaterialViewsAsync(IDatabase redis, Guid[] tutors, DateOnly from, DateOnly to)
    {
        var views = new Dictionary<(Guid, DateOnly), Dictionary<string, long>>();
        foreach (var tutor in tutors)
        {
            foreach (var day in RealtimeReader.Days(from, to))
            {
                var ranked = await redis.SortedSetRangeByRankWithScoresAsync(RedisKeys.Materials(tutor, day));
                if (ranked.Length > 0)
                {
                    views[(tutor, day)] = ranked.ToDictionary(r => r.Element.ToString(), r => (long)r.Score);
                }
            }
        }

        return views;
    }

    public static Task<long> ActiveStudentsAsync(IDatabase redis, Guid tutor, DateOnly day) =>
        redis.HyperLogLogLengthAsync(RedisKeys.ActiveStudents(tutor, day));

    /// <summary>Deletes every Redis key of these tutors (the test's stand-in for a wiped Redis; other tests' keys stay).</summary>
    public static async Task WipeAsync(IConnectionMultiplexer redis, Guid[] tutors)
    {
        var server = redis.GetServers()[0];
        foreach (var tutor in tutors)
        {
            await foreach (var key in server.KeysAsync(pattern: $"analytics:tutor:{tutor:N}:*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
