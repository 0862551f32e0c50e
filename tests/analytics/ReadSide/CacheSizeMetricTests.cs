using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>The result cache's size in Redis as the dashboards read it: entries and bytes per cache, sampled in the background.</summary>
[Collection(ReadSideTests.Name)]
public sealed partial class CacheSizeMetricTests(ReadSideFactory factory)
{
    private static readonly string[] Caches = ["area", "chart", "report"];

    [Fact]
    public async Task Cache_entries_and_bytes_per_cache_match_what_redis_holds()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 5, days: 14));
        using var tutor = factory.Tutor(tutorId);
        (await tutor.GetAsync("/api/v1/charts/lessons-per-day?days=14")).EnsureSuccessStatusCode();
        (await tutor.GetAsync("/api/v1/analytics/lessons?days=14")).EnsureSuccessStatusCode();

        var expected = await InRedisAsync();
        Dictionary<string, (double Entries, double Bytes)> shown = [];
        for (var tries = 0; tries < 50; tries++)
        {
            var metrics = await factory.CreateClient().GetStringAsync("/metrics");
            shown = Caches.ToDictionary(c => c, c => (Value(metrics, "entries", c), Value(metrics, "bytes", c)));
            if (shown.All(s => s.Value == expected[s.Key]))
            {
                break;
            }

            await Task.Delay(200);
            expected = await InRedisAsync();
        }

        Assert.True(expected["chart"].Entries >= 1 && expected["area"].Entries >= 1, "The requests left no cache entries.");
        Assert.Equal(expected, shown);
    }

    private async Task<Dictionary<string, (double Entries, double Bytes)>> InRedisAsync()
    {
        var redis = factory.Services.GetRequiredService<IConnectionMultiplexer>();
        var db = redis.GetDatabase();
        var sizes = new Dictionary<string, (double Entries, double Bytes)> { ["area"] = (0, 0), ["chart"] = (0, 0), ["report"] = (0, 0) };
        await foreach (var key in redis.GetServers()[0].KeysAsync(db.Database, "analytics:cache:*"))
        {
            var cache = key.ToString().Split(':')[2];
            var length = await db.StringLengthAsync(key);
            if (sizes.TryGetValue(cache, out var size) && length > 0)
            {
                sizes[cache] = (size.Entries + 1, size.Bytes + length);
            }
        }

        return sizes;
    }

    private static double Value(string metrics, string what, string cache)
    {
        var match = Regex.Match(metrics, $@"^repitbot_analytics_cache_{what}\{{cache=""{cache}""\}} (\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }
}
