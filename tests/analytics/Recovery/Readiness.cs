using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>What /health/ready and /metrics say about the Redis aggregates.</summary>
public static partial class Readiness
{
    public const string Check = "redis-aggregates";

    /// <summary>The documented staleness bound (AnalyticsCache:MaxStaleness, 10 s) plus a margin for a loaded machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(5);

    public static async Task AwaitHealthyAsync(HttpClient client)
    {
        var status = "";
        Assert.True(await Eventually.Async(async () => (status = await AggregatesAsync(client)) == "Healthy", TimeSpan.FromSeconds(30)),
            $"The redis-aggregates check stayed {status}.");
    }

    /// <summary>The status of the <c>redis-aggregates</c> check (Healthy, Degraded, Unhealthy), or "missing".</summary>
    public static async Task<string> AggregatesAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("checks").TryGetProperty(Check, out var check) ? check.GetProperty("status").GetString()! : "missing";
    }

    /// <summary>A series' value on /metrics, 0 when it is not there yet.</summary>
    public static async Task<double> MetricAsync(HttpClient client, string series)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
