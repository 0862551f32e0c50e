using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Repitbot.Analytics.Dashboard;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Recovery;
using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>
/// Redis comes back empty or from an older snapshot while PostgreSQL keeps every event: analytics notices
/// on its own, answers from PostgreSQL meanwhile, rebuilds the aggregates and trusts Redis again.
/// </summary>
[Collection(RedisLossGroup.Name)]
public sealed class RedisLossTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private const string Rebuilds = "repitbot_analytics_redis_rebuilds_total{result=\"done\"}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Redis_coming_back_without_analytics_keys_is_rebuilt_and_the_dashboard_equals_the_stored_events()
    {
        var tutor = Guid.NewGuid();
        using var client = factory.TutorClient(tutor);
        await IngestAttendedAsync(tutor, 30);
        await Readiness.AwaitHealthyAsync(client);
        Assert.Equal(30, (await DashboardClient.GetAsync(client)).LessonsCompleted.Value);
        var rebuildsBefore = await Readiness.MetricAsync(client, Rebuilds);

        await RedisWipe.AnalyticsKeysAsync(factory.Redis);

        var dashboard = await DashboardClient.WaitUntilAsync(client, d => d.LessonsCompleted.Value == 30 && d.MinutesTaught.Value == 30 * 45, Readiness.Bound);
        Assert.Equal((30, 30 * 45), (dashboard.LessonsCompleted.Value, dashboard.MinutesTaught.Value));
        await Readiness.AwaitHealthyAsync(client);
        Assert.True(await Readiness.MetricAsync(client, Rebuilds) > rebuildsBefore, "No rebuild was counted.");
        var day = await factory.Redis.GetDatabase().HashGetAsync(RedisKeys.Day(tutor, Today), Counter.LessonsCompleted.Name());
        Assert.Equal(30, (long)day);
    }

    [Fact]
    public async Task Redis_rolled_back_to_an_older_snapshot_is_answered_from_postgres_until_the_one_rebuild_restores_it()
    {
        var tutor = Guid.NewGuid();
        using var client = factory.TutorClient(tutor);
        await Readiness.AwaitHealthyAsync(client);
        await IngestAttendedAsync(tutor, 10);
        var db = factory.Redis.GetDatabase();
        RedisKey[] keys = [RedisKeys.Day(tutor, Today), RedisKeys.Day(null, Today), RedisKeys.Generation];
        var snapshot = await Task.WhenAll(keys.Select(k => db.KeyDumpAsync(k)));
        var markerAfterSnapshot = (string?)await db.StringGetAsync(RedisKeys.Generation);
        await IngestAttendedAsync(tutor, 25);
        // Checks move the marker on; a snapshot is only older once the marker moved past the one it holds.
        Assert.True(await Eventually.Async(async () => (string?)await db.StringGetAsync(RedisKeys.Generation) != markerAfterSnapshot),
            "The generation marker never moved.");
        var rebuildsBefore = await Readiness.MetricAsync(client, Rebuilds);
        var rollbacksBefore = await Readiness.MetricAsync(client, "repitbot_analytics_redis_losses_detected_total{kind=\"rolled_back\"}");

        await using (await HeldLease.TakeAsync(factory.Database))
        {
            foreach (var (key, dump) in keys.Zip(snapshot))
            {
                // A key the snapshot did not hold is gone after the rollback.
                _ = dump is null ? await db.KeyDeleteAsync(key) : (await db.ExecuteAsync("RESTORE", key, 0, dump, "REPLACE")).IsNull;
            }

            Assert.Equal(10, (long)await db.HashGetAsync(RedisKeys.Day(tutor, Today), Counter.LessonsCompleted.Name()));
            var status = "";
            Assert.True(await Eventually.Async(async () => (status = await Readiness.AggregatesAsync(client)) == "Degraded", Readiness.Bound),
                $"Readiness stayed {status} after the rollback.");
            var meanwhile = await DashboardClient.GetAsync(client);
            Assert.Equal((35, 35 * 45, DashboardSource.Postgres),
                (meanwhile.LessonsCompleted.Value, meanwhile.MinutesTaught.Value, meanwhile.Source));

            // Another holder of the lease (a replica rebuilding) keeps every other rebuild out.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal("Degraded", await Readiness.AggregatesAsync(client));
            Assert.Equal(rebuildsBefore, await Readiness.MetricAsync(client, Rebuilds));
        }

        await Readiness.AwaitHealthyAsync(client);
        var after = await DashboardClient.GetAsync(client);
        Assert.Equal((35, 35 * 45, DashboardSource.Redis), (after.LessonsCompleted.Value, after.MinutesTaught.Value, after.Source));
        Assert.Equal(35, (long)await db.HashGetAsync(RedisKeys.Day(tutor, Today), Counter.LessonsCompleted.Name()));
        Assert.Equal(rebuildsBefore + 1, await Readiness.MetricAsync(client, Rebuilds));
        Assert.True(await Readiness.MetricAsync(client, "repitbot_analytics_redis_losses_detected_total{kind=\"rolled_back\"}") > rollbacksBefore);
    }

    [Fact]
    public async Task Two_rebuilds_asked_for_at_once_rebuild_once()
    {
        using var client = factory.TutorClient(Guid.NewGuid());
        await Readiness.AwaitHealthyAsync(client);
        var rebuild = factory.Services.GetRequiredService<AggregateRebuild>();
        var trust = factory.Services.GetRequiredService<AggregateTrust>();
        var rebuildsBefore = await Readiness.MetricAsync(client, Rebuilds);
        await using (await HeldLease.TakeAsync(factory.Database))
        {
            await factory.Redis.GetDatabase().KeyDeleteAsync(RedisKeys.Generation);
            Assert.True(await Eventually.Async(() => Task.FromResult(trust.Current.Status == TrustStatus.Pending)), "The loss was not detected.");
            Assert.Equal(RebuildOutcome.Busy, await rebuild.RunAsync(trust.Generation, CancellationToken.None));
        }

        var generation = trust.Generation;
        var outcomes = await Task.WhenAll(
            Task.Run(() => rebuild.RunAsync(generation, CancellationToken.None)),
            Task.Run(() => rebuild.RunAsync(generation, CancellationToken.None)));

        await Readiness.AwaitHealthyAsync(client);
        // The monitor's own attempt may win the lease instead of either call: exactly one rebuild either way.
        Assert.Equal(rebuildsBefore + 1, await Readiness.MetricAsync(client, Rebuilds));
        Assert.True(outcomes.Count(o => o == RebuildOutcome.Done) <= 1, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task Events_ingested_while_the_aggregates_are_rebuilt_are_counted_exactly_once()
    {
        Guid[] tutors = [Guid.NewGuid(), Guid.NewGuid()];
        using var client = factory.TutorClient(tutors[0]);
        await Readiness.AwaitHealthyAsync(client);
        var trust = factory.Services.GetRequiredService<AggregateTrust>();
        var random = new RandomEvents(seed: 41);
        var batches = random.Delivered(random.For(tutors, 6000));
        var ingesting = Exactness.IngestConcurrentlyAsync(factory, batches);

        // A loss detected in the middle of the stream: the rebuild rewrites every key while batches keep coming.
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutors[0]) > 300), "Ingestion did not start.");
        await factory.Redis.GetDatabase().KeyDeleteAsync(RedisKeys.Generation);
        Assert.True(await Eventually.Async(() => Task.FromResult(trust.Current.Status == TrustStatus.Rebuilding || ingesting.IsCompleted)));
        Assert.False(ingesting.IsCompleted, "The stream ended before the rebuild started; it proves nothing.");
        await ingesting;

        await Readiness.AwaitHealthyAsync(client);
        var naive = NaiveRollup.Of(await StoredRow.ForTutorsAsync(factory.Database, tutors));
        await Exactness.AssertRedisAsync(factory.Redis.GetDatabase(), tutors, naive, Today.AddDays(-75), Today);
    }

    [Fact]
    public async Task The_admin_rebuild_waits_for_the_rebuild_lease_instead_of_running_beside_an_automatic_rebuild()
    {
        var tutor = Guid.NewGuid();
        using var client = factory.TutorClient(tutor);
        await Readiness.AwaitHealthyAsync(client);
        await IngestAttendedAsync(tutor, 4);
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        Task<HttpResponseMessage> rebuild;
        await using (await HeldLease.TakeAsync(factory.Database))
        {
            rebuild = admin.PostAsync(new Uri($"/api/v1/admin/rebuild-cache?tutorId={tutor}", UriKind.Relative), null);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.False(rebuild.IsCompleted, "The admin rebuild ran while another rebuild held the lease.");
        }

        using var response = await rebuild;
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task While_redis_is_not_trusted_the_dashboard_answers_from_postgres_with_the_same_figures()
    {
        var tutor = Guid.NewGuid();
        var random = new RandomEvents(seed: 31);
        await Exactness.IngestConcurrentlyAsync(factory, random.Delivered(random.For([tutor], 150)));
        await IngestAttendedAsync(tutor, 3);
        var trust = new AggregateTrust(TimeProvider.System);
        var query = new DashboardQuery(factory.Services.GetRequiredService<RealtimeReader>(), factory.Services.GetRequiredService<StoredTotals>(),
            trust, factory.Services.GetRequiredService<TutorToday>(), NullLogger<DashboardQuery>.Instance);

        foreach (var days in new[] { 7, 30, 90 })
        {
            trust.Set(TrustStatus.Trusted, 1, "test");
            var fromRedis = await query.GetAsync(tutor, days);
            trust.Set(TrustStatus.Pending, 2, "test");
            var fromPostgres = await query.GetAsync(tutor, days);
            Assert.Equal((DashboardSource.Redis, DashboardSource.Postgres), (fromRedis.Source, fromPostgres.Source));
            Assert.Equal(JsonSerializer.Serialize(fromRedis with { Source = DashboardSource.Postgres }, Json), JsonSerializer.Serialize(fromPostgres, Json));
        }

        // Redis now disagrees with the stored events: only the trusted path shows it.
        await factory.Redis.GetDatabase().HashIncrementAsync(RedisKeys.Day(tutor, Today), Counter.LessonsCompleted.Name(), 100);
        var stored = (await query.GetAsync(tutor, 7)).LessonsCompleted.Value;
        trust.Set(TrustStatus.Trusted, 2, "test");
        Assert.Equal(stored + 100, (await query.GetAsync(tutor, 7)).LessonsCompleted.Value);
        await factory.Redis.GetDatabase().HashIncrementAsync(RedisKeys.Day(tutor, Today), Counter.LessonsCompleted.Name(), -100);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task IngestAttendedAsync(Guid tutor, int count) =>
        await factory.Ingestor.IngestAsync(Lessons.AttendedToday(tutor, count), CancellationToken.None);
}
