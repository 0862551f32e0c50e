using System.Text.RegularExpressions;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// Who exports a metric a dashboard or alert reads: our code (the name is a string literal in services/,
/// shared/ or tools/), or one of the few programs beside it, each only as far as the repository turns it on.
/// A name nobody exports is a dashboard pointing at nothing.
/// </summary>
public static partial class MetricOrigins
{
    private sealed record ThirdParty(Regex Names, string Who, string EvidenceFile, string Evidence);

    private static readonly ThirdParty[] ThirdParties =
    [
        new(HttpMetric(),
            "prometheus-net's HTTP middleware", "shared/Repitbot.Hosting/ServiceDefaults.cs", "UseHttpMetrics()"),
        new(RabbitMqMetric(), "RabbitMQ's rabbitmq_prometheus plugin", "deploy/rabbitmq/enabled_plugins", "rabbitmq_prometheus"),
        new(PrometheusMetric(), "Prometheus itself", "deploy/prometheus/prometheus.yml", "scrape_configs"),
    ];

    private static readonly Lazy<HashSet<string>> CodeLiterals = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "services", "shared", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                names.UnionWith(MetricLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value));
            }
        }

        return names;
    });

    /// <summary>Whether our code creates the metric (a histogram's series carry _bucket, _sum, _count).</summary>
    public static bool InCode(string metric) =>
        CodeLiterals.Value.Contains(metric) || CodeLiterals.Value.Contains(HistogramSuffix().Replace(metric, ""));

    /// <summary>The program beside ours that exports the metric, when the repository turns that on; else null.</summary>
    public static string? ThirdPartyExporter(string metric)
    {
        var party = ThirdParties.FirstOrDefault(p => p.Names.IsMatch(metric));
        return party is not null && File.ReadAllText(Path.Combine(RepoPaths.Root, party.EvidenceFile)).Contains(party.Evidence, StringComparison.Ordinal)
            ? party.Who
            : null;
    }

    [GeneratedRegex(@"""(?<name>[a-z_][a-z0-9_]*)""")]
    private static partial Regex MetricLiteral();

    [GeneratedRegex(@"^http_(requests_received_total|request_duration_seconds(_bucket|_sum|_count)?|requests_in_progress)$")]
    private static partial Regex HttpMetric();

    [GeneratedRegex("^rabbitmq_")]
    private static partial Regex RabbitMqMetric();

    [GeneratedRegex("^(up|ALERTS|ALERTS_FOR_STATE|scrape_[a-z_]+)$")]
    private static partial Regex PrometheusMetric();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
