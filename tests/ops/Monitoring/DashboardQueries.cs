using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repitbot.Ops.Monitoring;

/// <summary>Every query of every dashboard in deploy/grafana/dashboards, filled in as Grafana would send it.</summary>
public static partial class DashboardQueries
{
    public sealed record Query(string Dashboard, string Panel, string Text)
    {
        public override string ToString() => $"{Dashboard} / {Panel}: {Text}";
    }

    /// <summary>PromQL with macros and variables filled in (<see cref="GrafanaTemplating"/>).</summary>
    public static IReadOnlyList<Query> PromQl =>
        Load("prometheus", "expr", dashboard => new GrafanaTemplating(dashboard, ScrapeInterval()).Apply);

    public static IReadOnlyList<Query> Sql => Load("grafana-postgresql-datasource", "rawSql", _ => Postgres);

    /// <summary>What Grafana's PostgreSQL macros expand to, for "the last 7 days".</summary>
    private static string Postgres(string sql) => TimeFilter().Replace(sql,
        m => $"{m.Groups["column"].Value} BETWEEN now() - interval '7 days' AND now() + interval '1 day'");

    /// <summary>The Prometheus datasource's timeInterval: Grafana's lower bound for $__interval.</summary>
    private static TimeSpan ScrapeInterval()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "grafana", "provisioning", "datasources", "datasources.yml"));
        var match = TimeInterval().Match(yaml);
        Assert.True(match.Success, "datasources.yml: the Prometheus datasource sets no jsonData.timeInterval");
        return TimeSpan.FromSeconds(int.Parse(match.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<Query> Load(string type, string field, Func<JsonElement, Func<string, string>> expander)
    {
        var queries = new List<Query>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "grafana", "dashboards"), "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var expand = expander(json.RootElement);
            foreach (var panel in json.RootElement.GetProperty("panels").EnumerateArray())
            {
                if (!panel.TryGetProperty("targets", out var targets))
                {
                    continue;
                }

                foreach (var target in targets.EnumerateArray())
                {
                    var datasource = target.TryGetProperty("datasource", out var ds) ? ds : panel.GetProperty("datasource");
                    if (datasource.GetProperty("type").GetString() == type && target.TryGetProperty(field, out var text))
                    {
                        queries.Add(new Query(Path.GetFileName(file), panel.GetProperty("title").GetString()!, expand(text.GetString()!)));
                    }
                }
            }
        }

        return queries;
    }

    [GeneratedRegex(@"timeInterval:\s*(?<seconds>\d+)s")]
    private static partial Regex TimeInterval();

    [GeneratedRegex(@"\$__timeFilter\((?<column>[^()]*(\([^()]*\))?[^()]*)\)")]
    private static partial Regex TimeFilter();
}
