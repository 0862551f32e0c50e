using System.Text.Json;

namespace Repitbot.Ops.Monitoring;

/// <summary>Every PromQL panel of deploy/grafana/dashboards, filled in as Grafana would, against the live suite.</summary>
public sealed partial class MonitoringTests
{
    [Fact]
    public async Task Every_dashboard_expression_parses_and_returns_data()
    {
        Assert.NotEmpty(DashboardQueries.PromQl);
        var refused = new List<string>();
        var empty = new List<string>();
        foreach (var query in DashboardQueries.PromQl)
        {
            Assert.DoesNotContain("$", query.Text, StringComparison.Ordinal);
            IReadOnlyList<JsonElement> samples;
            try
            {
                samples = await suite.Prometheus.QueryAsync(query.Text);
            }
            catch (InvalidOperationException ex)
            {
                refused.Add($"{query}: {ex.Message}");
                continue;
            }

            var hasData = samples.Any(s => !double.IsNaN(PrometheusServer.Value(s)));
            if (!hasData && !PendingMetrics.Excuse(query.Text, PendingMetrics.Names))
            {
                empty.Add(query.ToString());
            }
        }

        var nowEmitted = new List<string>();
        foreach (var metric in PendingMetrics.Names)
        {
            if ((await suite.Prometheus.QueryAsync($"count({{__name__=~\"{metric}(_bucket|_count|_sum)?\"}})")).Count > 0)
            {
                nowEmitted.Add(metric);
            }
        }

        Assert.True(refused.Count == 0, "Queries Prometheus refuses:\n" + string.Join('\n', refused));
        Assert.True(empty.Count == 0, "Queries without data:\n" + string.Join('\n', empty));
        Assert.True(nowEmitted.Count == 0, "Emitted now, take them off PendingMetrics.Names: " + string.Join(", ", nowEmitted));
    }

    /// <summary>
    /// A panel or alert on a metric nobody exports shows "no data" forever, and one grouped by a label
    /// the metric lacks shows one unnamed line: both are found here, whether or not the traffic reached them.
    /// </summary>
    [Fact]
    public async Task Every_dashboard_and_alert_metric_is_exported_with_the_labels_its_query_uses()
    {
        var rules = (await suite.Prometheus.GetAsync("/api/v1/rules")).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .Select(r => (Where: $"alert rule {r.GetProperty("name")}", Text: r.GetProperty("query").GetString()!));
        var queries = DashboardQueries.PromQl.Select(q => (Where: $"{q.Dashboard} / {q.Panel}", q.Text)).Concat(rules).ToList();
        var live = (await suite.Prometheus.GetAsync("/api/v1/label/__name__/values")).EnumerateArray().Select(n => n.GetString()!).ToHashSet();

        var problems = new List<string>();
        foreach (var (where, text) in queries)
        {
            var metrics = PromQlNames.Metrics(text);
            Assert.True(metrics.Count > 0, $"{where}: no metric found in {text}");
            foreach (var metric in metrics.Where(m => !MetricOrigins.InCode(m)))
            {
                var exporter = MetricOrigins.ThirdPartyExporter(metric);
                if (exporter is null || !live.Contains(metric))
                {
                    problems.Add($"{where}: {metric} is exported by nothing (no string in services/, shared/, tools/"
                        + (exporter is null ? ", and no exporter the repository turns on)" : $"; {exporter} has no such series)"));
                }
            }

            // A label is checked only once the metric has series: whether it has any is the data test's business.
            var selector = $"{{__name__=~\"{string.Join('|', metrics)}\"}}";
            if ((await suite.Prometheus.QueryAsync($"count({selector})")).Count == 0)
            {
                continue;
            }

            foreach (var label in PromQlNames.Labels(text))
            {
                var withLabel = $"{{__name__=~\"{string.Join('|', metrics)}\", {label}!=\"\"}}";
                if ((await suite.Prometheus.QueryAsync($"count({withLabel})")).Count == 0)
                {
                    problems.Add($"{where}: no series of {string.Join(", ", metrics)} has the label {label}: {text}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The analytics result cache's size in Redis, sampled every second here: the traffic's charts and reports are in it.</summary>
    [Fact]
    public async Task Cache_size_gauges_count_the_charts_and_reports_cached_in_redis()
    {
        foreach (var cache in new[] { "chart", "report" })
        {
            var entries = await suite.Prometheus.QueryAsync($"repitbot_analytics_cache_entries{{job=\"analytics\", cache=\"{cache}\"}}");
            var bytes = await suite.Prometheus.QueryAsync($"repitbot_analytics_cache_bytes{{job=\"analytics\", cache=\"{cache}\"}}");
            Assert.True(entries.Count == 1 && PrometheusServer.Value(entries[0]) >= 1, $"{cache}: entries {string.Join(", ", entries)}");
            // A cached PNG chart or PDF report is kilobytes, not a few bytes of a marker.
            Assert.True(bytes.Count == 1 && PrometheusServer.Value(bytes[0]) > 1000, $"{cache}: bytes {string.Join(", ", bytes)}");
        }
    }
}
