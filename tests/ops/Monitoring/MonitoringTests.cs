using System.Text.RegularExpressions;
using Npgsql;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// The monitoring as production runs it, against the running suite: Prometheus (with the configuration
/// ./run.sh --observability uses) scrapes the four services and RabbitMQ, every dashboard query returns
/// data (MonitoringTests.Dashboards.cs), the alert rules evaluate, each service's /metrics passes
/// promtool's checks, and the business dashboard's SQL runs as the read-only reporting role.
/// </summary>
public sealed partial class MonitoringTests(MonitoredSuite suite) : IClassFixture<MonitoredSuite>
{
    [Fact]
    public async Task Every_target_is_up_and_every_alert_rule_evaluates()
    {
        var up = await suite.Prometheus.QueryAsync("up");
        var jobs = up.Select(s => s.GetProperty("metric").GetProperty("job").GetString()).Order().ToList();
        Assert.Equal(["analytics", "bot-gateway", "gateway", "notification", "rabbitmq", "rabbitmq-queues"], jobs);
        Assert.All(up, s => Assert.Equal(1, PrometheusServer.Value(s)));

        var groups = (await suite.Prometheus.GetAsync("/api/v1/rules")).GetProperty("groups").EnumerateArray().ToList();
        var rules = groups.SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
        var written = Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "prometheus", "rules"), "*.rules.yml")
            .Sum(f => RuleLine().Count(File.ReadAllText(f)));
        Assert.True(rules.Count == written && written >= 10, $"{rules.Count} rules loaded of the {written} in deploy/prometheus/rules");
        // "ok" only once evaluated: a rule Prometheus has not run yet reads "unknown".
        var unhealthy = rules.Where(r => r.GetProperty("health").GetString() != "ok")
            .Select(r => $"{r.GetProperty("name")}: {r.GetProperty("health")} {r.GetProperty("lastError")}").ToList();
        Assert.True(unhealthy.Count == 0, string.Join('\n', unhealthy));
        Assert.Empty(await suite.Prometheus.QueryAsync("ALERTS{alertname=~\"RepitbotServiceDown|RabbitMQDown\"}"));
    }

    [Fact]
    public async Task Every_service_passes_promtool_check_metrics()
    {
        using var http = new HttpClient();
        var problems = new List<string>();
        foreach (var (job, _, port) in MonitoredSuite.Services)
        {
            var exposition = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
            Assert.Contains("http_requests_received_total", exposition, StringComparison.Ordinal);
            var result = await Shell.RunAsync("promtool", ["check", "metrics"], stdin: exposition);
            Assert.False(result.Stderr.Contains("error while linting", StringComparison.Ordinal), $"{job}: {result.Stderr}");
            problems.AddRange(LintFindings(result.Stdout + result.Stderr)
                .Where(f => !LibraryMetrics.Any(prefix => f.StartsWith(prefix, StringComparison.Ordinal)))
                .Select(f => $"{job}: {f}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// Families that prometheus-net copies from .NET meters (runtime, HttpClient, Npgsql) under their
    /// own names, such as system_runtime_assembly_count for a gauge: promtool's naming lint flags
    /// them, and renaming them is the libraries' call. The hosting library turns that copying off
    /// (PrometheusDefaults, for speed); the allowance stays for a library that publishes them another
    /// way. Everything else - our metrics, the HTTP metrics - must be clean.
    /// </summary>
    private static readonly string[] LibraryMetrics =
        ["system_runtime_", "system_net_", "npgsql_", "prometheus_net_", "microsoft_", "masstransit_"];

    private static string[] LintFindings(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Business_dashboard_sql_runs_as_the_reporting_role_and_returns_rows()
    {
        Assert.NotEmpty(DashboardQueries.Sql);
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port=5432;Database={MonitoredSuite.Database};Username=reporting;Password=reporting;Pooling=false");
        await connection.OpenAsync();
        var empty = new List<string>();
        foreach (var query in DashboardQueries.Sql)
        {
            Assert.DoesNotMatch(MacroLeft(), query.Text);
            await using var command = new NpgsqlCommand(query.Text, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }

            if (rows == 0 && !PendingMetrics.Excuse(query.Text, PendingMetrics.SqlMarkers))
            {
                empty.Add(query.ToString());
            }
        }

        Assert.True(empty.Count == 0, "SQL without rows:\n" + string.Join('\n', empty));
    }

    [GeneratedRegex(@"^\s*- (alert|record):", RegexOptions.Multiline)]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"\$__")]
    private static partial Regex MacroLeft();
}
