using StackExchange.Redis;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Per tutor and day counters in Redis (hashes), plus the same for everyone. Each event is applied
/// once: the script sets a per-event marker and increments only when the marker was new, so a batch
/// that is retried after PostgreSQL committed does not count twice.
/// </summary>
public sealed class RealtimeCounters(IConnectionMultiplexer redis)
{
    public const string LessonsCompleted = "lessons_completed";
    public const string NoShows = "no_shows";
    public const string MinutesTaught = "minutes_taught";

    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(14);

    private static readonly LuaScript ApplyOnce = LuaScript.Prepare("""
        if redis.call('SET', @marker, '1', 'NX', 'EX', @ttl) then
          redis.call('HINCRBY', @tutorDay, 'lessons_completed', @lessons)
          redis.call('HINCRBY', @tutorDay, 'no_shows', @noShows)
          redis.call('HINCRBY', @tutorDay, 'minutes_taught', @minutes)
          redis.call('HINCRBY', @allDay, 'lessons_completed', @lessons)
          redis.call('HINCRBY', @allDay, 'no_shows', @noShows)
          redis.call('HINCRBY', @allDay, 'minutes_taught', @minutes)
          return 1
        end
        return 0
        """);

    public async Task ApplyAsync(IReadOnlyList<IngestedEvent> events)
    {
        var db = redis.GetDatabase();
        // Sent together: StackExchange.Redis pipelines concurrent commands on one connection.
        await Task.WhenAll(events.Select(e => db.ScriptEvaluateAsync(ApplyOnce, new
        {
            marker = (RedisKey)$"analytics:applied:{e.EventId:N}",
            ttl = (long)MarkerLifetime.TotalSeconds,
            tutorDay = DayKey(e.TutorId, e.Day),
            allDay = DayKey(null, e.Day),
            lessons = e.Delta.LessonsCompleted,
            noShows = e.Delta.NoShows,
            minutes = e.Delta.MinutesTaught,
        })));
    }

    public async Task<DailyCounters> SumAsync(Guid? tutorId, DateOnly from, DateOnly to)
    {
        var db = redis.GetDatabase();
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        var hashes = await Task.WhenAll(days.Select(d => db.HashGetAllAsync(DayKey(tutorId, d))));
        return hashes.Aggregate(default(DailyCounters), (sum, hash) => sum + Read(hash));
    }

    private static DailyCounters Read(HashEntry[] hash)
    {
        var values = hash.ToDictionary(h => h.Name.ToString(), h => (long)h.Value);
        return new DailyCounters(values.GetValueOrDefault(LessonsCompleted), values.GetValueOrDefault(NoShows),
            values.GetValueOrDefault(MinutesTaught));
    }

    private static RedisKey DayKey(Guid? tutorId, DateOnly day) =>
        $"analytics:{(tutorId is { } id ? $"tutor:{id:N}" : "all")}:day:{day:yyyy-MM-dd}";
}
