using System.Net;
using System.Net.Http.Json;
using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>Rebuilding Redis from PostgreSQL, reconciling the two, recomputing a day. Scoped to the test's tutors, as Redis is shared.</summary>
public sealed class AdminTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Rebuild_cache_restores_wiped_redis_and_reconcile_reports_a_deliberate_corruption()
    {
        Guid[] tutors = [Guid.NewGuid(), Guid.NewGuid()];
        var random = new RandomEvents(seed: 11);
        var events = random.For(tutors, 200);
        await Exactness.IngestConcurrentlyAsync(factory, random.Delivered(events));
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        var naive = NaiveRollup.Of(await StoredRow.ForTutorsAsync(factory.Database, tutors));
        var (from, to) = (DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-75), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.True((await ReconcileAsync(admin, tutors[0], from, to)).InSync);

        await ActualState.WipeAsync(factory.Redis, tutors);
        Assert.False((await ReconcileAsync(admin, tutors[0], from, to)).InSync);
        foreach (var tutor in tutors)
        {
            var rebuilt = await admin.PostAsync(new Uri($"/api/v1/admin/rebuild-cache?tutorId={tutor}", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        }

        await Exactness.AssertRedisAsync(factory.Redis.GetDatabase(), tutors, naive, from, to);
        Assert.True((await ReconcileAsync(admin, tutors[0], from, to)).InSync);

        var (day, fields) = naive.Hashes.First(h => h.Key.Item1 == tutors[0]);
        var field = fields.Keys.First();
        await factory.Redis.GetDatabase().HashIncrementAsync(RedisKeys.Day(tutors[0], day.Item2), field, 5);
        var report = await ReconcileAsync(admin, tutors[0], from, to);
        var drift = Assert.Single(report.Drifts);
        Assert.Equal((RedisKeys.Day(tutors[0], day.Item2).ToString(), field, fields[field] + 5, fields[field]),
            (drift.Key, drift.Field, drift.Redis, drift.Postgres));
    }

    [Fact]
    public async Task The_day_rollup_repairs_a_corrupted_day_and_running_it_twice_changes_nothing()
    {
        Guid[] tutors = [Guid.NewGuid(), Guid.NewGuid()];
        var random = new RandomEvents(seed: 12);
        var events = random.For(tutors, 120);
        await Exactness.IngestConcurrentlyAsync(factory, random.Delivered(events));
        var stored = await StoredRow.ForTutorsAsync(factory.Database, tutors);
        var day = stored.GroupBy(s => s.Day).OrderByDescending(g => g.Count()).First().Key;
        await using (var corrupt = factory.Database.CreateCommand(
            "UPDATE analytics.daily_tutor_stats SET lessons_completed = lessons_completed + 7, payments = 0 WHERE day = $1 AND tutor_id = ANY($2)"))
        {
            corrupt.Parameters.AddWithValue(day);
            corrupt.Parameters.AddWithValue(tutors);
            Assert.True(await corrupt.ExecuteNonQueryAsync() > 0);
        }

        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        for (var run = 0; run < 2; run++)
        {
            var response = await admin.PostAsync(new Uri($"/api/v1/admin/rollup?day={day:yyyy-MM-dd}", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Exactness.AssertAsync(factory, tutors, events);
        }
    }

    [Fact]
    public async Task Retention_cohorts_follow_students_from_their_first_attended_lesson()
    {
        var tutor = Guid.NewGuid();
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var monday = new DateTimeOffset(2022, 5, 2, 10, 0, 0, TimeSpan.Zero);
        IDomainEvent[] lessons =
        [
            Lessons.Attended(tutor, 60, monday) with { StudentId = ann },
            Lessons.Attended(tutor, 60, monday.AddDays(3)) with { StudentId = bob },
            Lessons.Attended(tutor, 60, monday.AddDays(14)) with { StudentId = ann },
            Lessons.NoShow(tutor, monday.AddDays(7)) with { StudentId = bob },
        ];
        await factory.Ingestor.IngestAsync(lessons.Select(IngestedEvent.From).ToList(), CancellationToken.None);

        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri("/api/v1/admin/rollup", UriKind.Relative), null)).StatusCode);

        await using var command = factory.Database.CreateCommand(
            "SELECT cohort_week, week_offset, cohort_size, retained FROM analytics.weekly_retention WHERE tutor_id = $1 ORDER BY week_offset");
        command.Parameters.AddWithValue(tutor);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetDateTime(0):yyyy-MM-dd} +{reader.GetInt32(1)}: {reader.GetInt32(3)}/{reader.GetInt32(2)}");
        }

        Assert.Equal(["2022-05-02 +0: 2/2", "2022-05-02 +2: 1/2"], rows);
    }

    [Theory]
    [InlineData("/api/v1/admin/reconcile?from=2024-02-01&to=2024-01-01", "from")]
    [InlineData("/api/v1/admin/reconcile?from=2024-02-01&to=yesterday", "to")]
    [InlineData("/api/v1/admin/reconcile?from=2000-01-01&to=2024-01-01", "to")]
    public async Task Bad_admin_parameters_are_400_naming_the_parameter(string url, string parameter)
    {
        var response = await factory.ClientWithToken(factory.Tokens.Admin()).GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_tutor_may_not_use_admin_endpoints()
    {
        var response = await factory.TutorClient(Guid.NewGuid()).PostAsync(new Uri("/api/v1/admin/rebuild-cache", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<ReconcileReport> ReconcileAsync(HttpClient admin, Guid tutor, DateOnly from, DateOnly to)
    {
        var response = await admin.GetAsync(new Uri($"/api/v1/admin/reconcile?tutorId={tutor}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReconcileReport>())!;
    }
}
