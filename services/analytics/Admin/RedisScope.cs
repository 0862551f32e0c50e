using System.Text.RegularExpressions;
using Repitbot.Analytics.Realtime;
using StackExchange.Redis;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// The Redis keys an admin operation covers: the day-keyed aggregates of one tutor, or of everyone
/// (then including the "all" keys), for UTC days From..To.
/// </summary>
public sealed partial record RedisScope(DateOnly From, DateOnly To, Guid? TutorId)
{
    public bool Owns(RedisKey key) => TutorId is not { } id || ((string)key!).StartsWith($"analytics:tutor:{id:N}:", StringComparison.Ordinal);

    /// <summary>Keys whose names can be known without looking: a tutor's four kinds per day, or the "all" keys per day.</summary>
    public IEnumerable<RedisKey> KnownKeys() => RealtimeReader.Days(From, To).SelectMany(day => TutorId is { } id
        ? new[] { RedisKeys.Day(id, day), RedisKeys.ActiveStudents(id, day), RedisKeys.Materials(id, day), RedisKeys.Students(id, day) }
        : [RedisKeys.Day(null, day), RedisKeys.ActiveStudents(null, day), RedisKeys.Materials(null, day), RedisKeys.ActiveUsers(day)]);

    /// <summary>Every existing key in scope: the known ones plus, for everyone, each tutor's keys found by SCAN.</summary>
    public async Task<List<RedisKey>> ExistingKeysAsync(IConnectionMultiplexer redis)
    {
        var keys = KnownKeys().ToList();
        if (TutorId is null)
        {
            var server = redis.GetServers().First(s => !s.IsReplica);
            await foreach (var key in server.KeysAsync(pattern: "analytics:tutor:*", pageSize: 1000))
            {
                if (TutorDayKey().Match(key!) is { Success: true } m && DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var day
                    && day >= From && day <= To)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    [GeneratedRegex("^analytics:tutor:[0-9a-f]{32}:(?:day|active-students|materials|students):(\\d{4}-\\d{2}-\\d{2})$")]
    private static partial Regex TutorDayKey();
}
