using System.Globalization;
using System.Text.RegularExpressions;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

public sealed class MetricsTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Ingestion_exposes_events_by_type_ingest_lag_and_active_users()
    {
        var tutorId = Guid.NewGuid();
        var viewed = new MaterialViewed { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = Guid.NewGuid(), MaterialId = Guid.NewGuid() };
        await factory.Ingestor.IngestAsync([IngestedEvent.From(viewed)], CancellationToken.None);

        string metrics = "";
        var seen = await Eventually.Async(async () =>
        {
            metrics = await factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return Value(metrics, "repitbot_analytics_active_users{window=\"dau\"}") >= 2;
        });

        Assert.True(seen, "repitbot_analytics_active_users{window=\"dau\"} did not count the tutor and the student:\n" + metrics);
        Assert.True(Value(metrics, "repitbot_analytics_active_users{window=\"mau\"}") >= Value(metrics, "repitbot_analytics_active_users{window=\"dau\"}"));
        Assert.True(Value(metrics, "repitbot_analytics_events_received_total{type=\"MaterialViewed\"}") >= 1);
        Assert.True(Value(metrics, "repitbot_analytics_ingest_lag_seconds_count") >= 1);
    }

    private static double Value(string metrics, string series)
    {
        var match = Regex.Match(metrics, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }
}
