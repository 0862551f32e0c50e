using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repitbot.Ops.Monitoring;

/// <summary>Every query of every dashboard in deploy/grafana/dashboards, with Grafana's macros filled in.</summary>
public static partial class DashboardQueries
{
    public sealed record Query(string Dashboard, string Panel, string Text)
    {
        public override string ToString() => $"{Dashboard} / {Panel}: {Text}";
    }

    public static IReadOnlyList<Query> PromQl => Load("prometheus", "expr", Prometheus);

    public static IReadOnlyList<Query> Sql => Load("grafana-postgresql-datasource", "rawSql", Postgres);

    /// <summary>The intervals Grafana would pick for a short range; the test's Prometheus scrapes every second.</summary>
    private static string Prometheus(string expr) => expr
        .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
        .Replace("$__interval", "15s", StringComparison.Ordinal)
        .Replace("$__range", "1h", StringComparison.Ordinal);

    /// <summary>What Grafana's PostgreSQL macros expand to, for "the last 7 days".</summary>
    private static string Postgres(string sql) => TimeFilter().Replace(sql,
        m => $"{m.Groups["column"].Value} BETWEEN now() - interval '7 days' AND now() + interval '1 day'");

    private static List<Query> Load(string type, string field, Func<string, string> expand)
    {
        var queries = new List<Query>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "grafana", "dashboards"), "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
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

    [GeneratedRegex(@"\$__timeFilter\((?<column>[^()]*(\([^()]*\))?[^()]*)\)")]
    private static partial Regex TimeFilter();
}
