using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Results are cached per scope and data version: only a version bump (the write side's signal) shows new events.</summary>
[Collection(CacheCountingGroup.Name)]
public sealed partial class CacheTests(ReadSideFactory factory)
{
    [Fact]
    public async Task A_cached_area_is_served_until_the_tutors_version_key_moves_and_hits_and_misses_are_counted()
    {
        await factory.AwaitTrustedAsync();
        var tutorId = Guid.NewGuid();
        using var tutor = factory.Tutor(tutorId);
        await factory.StoreAsync([Lesson(tutorId)]);
        var before = await CountsAsync(tutor, "area");

        Assert.Equal(1, await CompletedAsync(tutor));
        Assert.Equal(1, await CompletedAsync(tutor));
        await factory.StoreAsync([Lesson(tutorId)], bumpVersions: false);
        var stale = await CompletedAsync(tutor);
        await factory.StoreAsync([Lesson(tutorId)]);
        var fresh = await CompletedAsync(tutor);

        var after = await CountsAsync(tutor, "area");
        Assert.Equal(1, stale);
        Assert.Equal(3, fresh);
        Assert.Equal((2, 2), (after.Miss - before.Miss, after.Hit - before.Hit));
    }

    [Fact]
    public async Task Charts_and_quick_reports_are_cached_per_format_and_locale()
    {
        await factory.AwaitTrustedAsync();
        var tutorId = Guid.NewGuid();
        using var tutor = factory.Tutor(tutorId);
        await factory.StoreAsync([Lesson(tutorId)]);
        var (charts, reports) = (await CountsAsync(tutor, "chart"), await CountsAsync(tutor, "report"));

        var first = await tutor.GetByteArrayAsync("/api/v1/charts/lessons-per-day?format=svg");
        var second = await tutor.GetByteArrayAsync("/api/v1/charts/lessons-per-day?format=svg");
        await tutor.GetByteArrayAsync("/api/v1/charts/lessons-per-day?format=svg&locale=en");
        await tutor.GetByteArrayAsync("/api/v1/reports/quick/lesson?format=csv");
        await tutor.GetByteArrayAsync("/api/v1/reports/quick/lesson?format=csv");

        Assert.Equal(first, second);
        var (chartsAfter, reportsAfter) = (await CountsAsync(tutor, "chart"), await CountsAsync(tutor, "report"));
        Assert.Equal((2, 1), (chartsAfter.Miss - charts.Miss, chartsAfter.Hit - charts.Hit));
        Assert.Equal((1, 1), (reportsAfter.Miss - reports.Miss, reportsAfter.Hit - reports.Hit));
    }

    private static SeedEvent Lesson(Guid tutorId) => SeedEvent.Of(new LessonCompleted
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), TutorId = tutorId, StudentId = Guid.NewGuid(),
        LessonId = Guid.NewGuid(), Outcome = LessonOutcome.Attended, Minutes = 60,
    }, null);

    private static async Task<int> CompletedAsync(HttpClient client)
    {
        using var lessons = JsonDocument.Parse(await client.GetStringAsync("/api/v1/analytics/lessons"));
        return lessons.RootElement.GetProperty("completed").GetInt32();
    }

    private static async Task<(double Hit, double Miss)> CountsAsync(HttpClient client, string cache)
    {
        var metrics = await client.GetStringAsync("/metrics");
        return (Count(metrics, cache, "hit"), Count(metrics, cache, "miss"));
    }

    private static double Count(string metrics, string cache, string result)
    {
        var line = MetricLine().Matches(metrics).FirstOrDefault(m => m.Groups["cache"].Value == cache && m.Groups["result"].Value == result);
        return line is null ? 0 : double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""repitbot_analytics_cache_requests_total\{cache="(?<cache>\w+)",result="(?<result>\w+)"\} (?<value>[\d.e+]+)""")]
    private static partial Regex MetricLine();
}
