using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Rollups;
using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// Days are the tutor's own (Ingestion/TutorDays.cs): a Moscow tutor's lesson at 01:00 Moscow time counts on that Moscow
/// day in the rollups, the Redis day keys, the dashboard, the daily series and a recompute; a reader in another zone
/// reads the series in theirs; a tutor who moves keeps their past days; a zone statement that arrives after the events
/// it precedes moves their days.
/// </summary>
public sealed class TutorDayTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private const string Moscow = "Europe/Moscow";
    private const string Novosibirsk = "Asia/Novosibirsk";

    private static DateOnly MoscowToday => TutorDays.LocalDay(DateTimeOffset.UtcNow, Moscow);

    [Fact]
    public async Task A_Moscow_tutors_lesson_after_local_midnight_counts_on_the_Moscow_day_everywhere()
    {
        var (tutor, student) = (Guid.NewGuid(), Guid.NewGuid());
        var day = MoscowToday.AddDays(-3);
        var held = At(day, new TimeOnly(1, 0), Moscow);
        Assert.Equal(day.AddDays(-1), DateOnly.FromDateTime(held.UtcDateTime));
        await IngestAsync(Registered(tutor, Moscow, held.AddDays(-40)), Completed(tutor, student, held, held.AddHours(2)));

        await AssertCountedOnAsync(tutor, day, notOn: day.AddDays(-1));

        using var client = factory.TutorClient(tutor);
        var dashboard = await DashboardClient.GetAsync(client, days: 7);
        Assert.Equal((Moscow, MoscowToday, 1L), (dashboard.TimeZone, dashboard.To, dashboard.LessonsCompleted.Value));

        var range = $"from={day.AddDays(-5):yyyy-MM-dd}&to={day.AddDays(5):yyyy-MM-dd}";
        Assert.Equal([day], await CompletedDaysAsync(client, range));
        Assert.Equal([day.AddDays(-1)], await CompletedDaysAsync(client, range + "&tz=UTC"));

        // A recompute of both days and a Redis rebuild of the tutor give the same days; reconcile finds them in step.
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        foreach (var d in new[] { day.AddDays(-1), day })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/admin/rollup?day={d:yyyy-MM-dd}", UriKind.Relative), null)).StatusCode);
        }

        await ActualState.WipeAsync(factory.Redis, [tutor]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/admin/rebuild-cache?tutorId={tutor}", UriKind.Relative), null)).StatusCode);
        await AssertCountedOnAsync(tutor, day, notOn: day.AddDays(-1));
        var reconcile = await admin.GetFromJsonAsync<ReconcileReport>($"/api/v1/admin/reconcile?tutorId={tutor}");
        Assert.True(reconcile!.InSync, string.Join("; ", reconcile.Drifts.Select(d => $"{d.Key} {d.Field}: {d.Redis} vs {d.Postgres}")));
    }

    [Fact]
    public async Task A_tutor_who_moves_keeps_the_days_already_past_and_counts_new_lessons_in_the_new_zone()
    {
        var (tutor, student) = (Guid.NewGuid(), Guid.NewGuid());
        // 23:30 in Moscow is already the next day in Novosibirsk; 02:00 in Novosibirsk is still the day before in Moscow.
        var beforeDay = MoscowToday.AddDays(-12);
        var beforeMove = At(beforeDay, new TimeOnly(23, 30), Moscow);
        var moved = beforeMove.AddDays(3);
        var afterDay = TutorDays.LocalDay(moved, Novosibirsk).AddDays(4);
        var afterMove = At(afterDay, new TimeOnly(2, 0), Novosibirsk);
        await IngestAsync(Registered(tutor, Moscow, beforeMove.AddDays(-30)), Completed(tutor, student, beforeMove, beforeMove.AddHours(1)));
        await IngestAsync(ProfileChanged(tutor, Novosibirsk, moved));
        await IngestAsync(Completed(tutor, student, afterMove, afterMove.AddHours(1)));

        var stats = await ActualState.StatsAsync(factory.Database, [tutor]);
        Assert.Equal([beforeDay, afterDay], CompletedDays(stats));
        Assert.Equal(1, await CompletedInRedisAsync(tutor, beforeDay));
        Assert.Equal(1, await CompletedInRedisAsync(tutor, afterDay));
    }

    [Fact]
    public async Task A_zone_stated_after_the_lessons_it_precedes_moves_their_days_in_the_rollups_and_in_redis()
    {
        var (tutor, student) = (Guid.NewGuid(), Guid.NewGuid());
        var day = MoscowToday.AddDays(-5);
        var held = At(day, new TimeOnly(0, 30), Moscow);
        var utcDay = DateOnly.FromDateTime(held.UtcDateTime);
        await IngestAsync(Completed(tutor, student, held, held.AddHours(1)));
        await AssertCountedOnAsync(tutor, utcDay, notOn: day);

        // The registration, made long before, is delivered only now.
        await IngestAsync(Registered(tutor, Moscow, held.AddDays(-30)));
        Assert.True(await QueuedAsync(day) == 1 && await QueuedAsync(utcDay) == 1, "both days are queued for recompute");
        Assert.False(await TrustedAsync(), "Redis is marked untrusted, to be rebuilt");

        var redo = factory.Services.GetRequiredService<RollupRedo>();
        while (await redo.RedoOneAsync(CancellationToken.None) is not null)
        {
        }

        Assert.Equal([day], CompletedDays(await ActualState.StatsAsync(factory.Database, [tutor])));
        // The service's own trust monitor sees the untrusted record and rebuilds Redis from PostgreSQL.
        Assert.True(await Eventually.Async(async () => await TrustedAsync() && await CompletedInRedisAsync(tutor, day) == 1,
            TimeSpan.FromSeconds(60)), "Redis was rebuilt with the Moscow day");
        await AssertCountedOnAsync(tutor, day, notOn: utcDay);
    }

    [Fact]
    public void Days_begin_at_local_midnight_also_where_the_clocks_skip_it()
    {
        // Asia/Beirut moved its clocks from 00:00 to 01:00 on 2024-03-31: that day began at 01:00 local, 22:00 UTC.
        var start = Period.Midnight(new DateOnly(2024, 3, 31), "Asia/Beirut");
        Assert.Equal(new DateTimeOffset(2024, 3, 30, 22, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2024, 3, 30, 21, 0, 0, TimeSpan.Zero), Period.Midnight(new DateOnly(2024, 3, 31), Moscow));
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, string zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local)).ToUniversalTime();
    }

    private static UserRegistered Registered(Guid tutor, string zone, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, TutorId = tutor, UserId = tutor, Role = UserRole.Tutor, DisplayName = "Анна", TimeZone = zone,
    };

    private static UserProfileChanged ProfileChanged(Guid tutor, string zone, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, TutorId = tutor, UserId = tutor, DisplayName = "Анна", TimeZone = zone,
    };

    private static LessonCompleted Completed(Guid tutor, Guid student, DateTimeOffset held, DateTimeOffset logged) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = logged, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(),
        Outcome = LessonOutcome.Attended, Minutes = 60, StartsAt = held,
    };

    private Task<StoreResult> IngestAsync(params IDomainEvent[] events) =>
        factory.Ingestor.IngestAsync(events.Select(IngestedEvent.From).ToList(), CancellationToken.None);

    private static List<DateOnly> CompletedDays(Dictionary<(Guid, DateOnly), Dictionary<string, long>> stats) =>
        stats.Where(s => s.Value.GetValueOrDefault("lessons_completed") > 0).Select(s => s.Key.Item2).Order().ToList();

    private async Task AssertCountedOnAsync(Guid tutor, DateOnly day, DateOnly notOn)
    {
        Assert.Equal([day], CompletedDays(await ActualState.StatsAsync(factory.Database, [tutor])));
        Assert.Equal(1, await CompletedInRedisAsync(tutor, day));
        Assert.Equal(0, await CompletedInRedisAsync(tutor, notOn));
        Assert.Equal(1, await ActualState.ActiveStudentsAsync(factory.Redis.GetDatabase(), tutor, day));
    }

    private async Task<long> CompletedInRedisAsync(Guid tutor, DateOnly day) =>
        (long?)await factory.Redis.GetDatabase().HashGetAsync(RedisKeys.Day(tutor, day), "lessons_completed") ?? 0;

    private static async Task<List<DateOnly>> CompletedDaysAsync(HttpClient client, string query)
    {
        using var lessons = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/analytics/lessons?{query}"));
        return lessons.RootElement.GetProperty("series").EnumerateArray()
            .Where(p => p.GetProperty("completed").GetInt32() > 0)
            .Select(p => DateOnly.Parse(p.GetProperty("period").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private async Task<long> QueuedAsync(DateOnly day)
    {
        await using var command = factory.Database.CreateCommand("SELECT count(*) FROM analytics.rollup_redo WHERE day = $1");
        command.Parameters.AddWithValue(day);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> TrustedAsync()
    {
        await using var command = factory.Database.CreateCommand("SELECT trusted FROM analytics.redis_trust WHERE id = 1");
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
