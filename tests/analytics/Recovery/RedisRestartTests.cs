using Repitbot.Analytics.Dashboard;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Tests.Support;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>
/// The operator's measurement, on a Redis of the test's own: events posted, Redis killed with SIGKILL and started
/// again from an older RDB snapshot. PostgreSQL has every event; so must the dashboard.
/// </summary>
[Collection(RedisLossGroup.Name)]
public sealed class RedisRestartTests(PrivateRedisAnalytics analytics) : IClassFixture<PrivateRedisAnalytics>
{
    [Fact]
    public async Task Redis_killed_and_restarted_from_an_older_snapshot_is_detected_and_rebuilt_and_answers_never_come_from_it()
    {
        var tutor = Guid.NewGuid();
        using var client = analytics.Service.ClientWithToken(analytics.Service.Tokens.Tutor(tutor));
        await Readiness.AwaitHealthyAsync(client);
        await IngestAttendedAsync(tutor, 10);
        await analytics.Redis.SnapshotAsync();
        await IngestAttendedAsync(tutor, 25);
        var restartsBefore = await Readiness.MetricAsync(client, "repitbot_analytics_redis_losses_detected_total{kind=\"restarted\"}");

        await analytics.Redis.KillAsync();
        // Redis is away: the answer comes from PostgreSQL, right.
        var whileDown = await DashboardClient.WaitUntilAsync(client, d => d.Source == DashboardSource.Postgres, Readiness.Bound);
        Assert.Equal((35, DashboardSource.Postgres), (whileDown.LessonsCompleted.Value, whileDown.Source));
        Assert.Equal("Degraded", await Readiness.AggregatesAsync(client));

        await analytics.Redis.StartAsync();
        var redis = (IConnectionMultiplexer)analytics.Service.Services.GetService(typeof(IConnectionMultiplexer))!;
        Assert.True(await Eventually.Async(async () =>
            (long)await redis.GetDatabase().HashGetAsync(RedisKeys.Day(tutor, DateOnly.FromDateTime(DateTime.UtcNow)), Counter.LessonsCompleted.Name()) == 35, Readiness.Bound),
            "The restarted Redis was not rebuilt to the 35 stored lessons.");
        await Readiness.AwaitHealthyAsync(client);
        var after = await DashboardClient.GetAsync(client);
        Assert.Equal((35, 35 * 45, DashboardSource.Redis), (after.LessonsCompleted.Value, after.MinutesTaught.Value, after.Source));
        Assert.True(await Readiness.MetricAsync(client, "repitbot_analytics_redis_losses_detected_total{kind=\"restarted\"}") > restartsBefore);
    }

    private async Task IngestAttendedAsync(Guid tutor, int count) =>
        await analytics.Ingestor.IngestAsync(Lessons.AttendedToday(tutor, count), CancellationToken.None);
}
