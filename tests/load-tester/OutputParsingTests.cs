using Repitbot.LoadTester.Baselines;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Scenarios;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Tests;

public class OutputParsingTests
{
    [Fact]
    public void Wrk_reports_give_requests_per_second_percentiles_and_errors()
    {
        const string report = """
            Running 3s test @ http://127.0.0.1:17081/api/v1/dashboard
              2 threads and 32 connections
              Latency Distribution
                 50%  812.00us
                 75%    1.20ms
                 90%   25.61ms
                 99%    1.50s
              2816 requests in 3.15s, 1.29MB read
              Socket errors: connect 0, read 3, write 0, timeout 2
              Non-2xx or 3xx responses: 44
            Requests/sec:    893.77
            """;
        var row = WrkOutput.Parse("wrk-x", report);
        Assert.Equal(893.77, row.ThroughputPerSecond);
        Assert.Equal(2816, row.Count);
        Assert.Equal(2816 - 49, row.Succeeded);
        Assert.Equal(0.812, row.LatencyMs!.P50);
        Assert.Equal(25.61, row.LatencyMs.P90);
        Assert.Equal(1500, row.LatencyMs.P99);
        Assert.Equal(new Dictionary<string, long> { ["non_2xx"] = 44, ["socket_read"] = 3, ["socket_timeout"] = 2 }, row.ErrorKinds);
    }

    [Fact]
    public void Redis_benchmark_csv_gives_a_row_per_test()
    {
        const string csv = """
            "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
            "SET","69444.45","7.029","0.888","7.495","24.511","27.599","28.063"
            "HSET","71428.57","5.1","0.5","3.775","25.615","30.383","30.575"
            """;
        var rows = RedisBenchmarkScenario.Parse(csv);
        Assert.Equal(["redis set", "redis hset"], rows.Select(r => r.Name));
        Assert.Equal(69444.45, rows[0].ThroughputPerSecond);
        Assert.Equal(27.599, rows[0].LatencyMs!.P99);
    }

    [Fact]
    public void Prometheus_samples_are_read_by_name_and_labels()
    {
        const string text = """
            # TYPE repitbot_telegram_requests_total counter
            repitbot_telegram_requests_total{method="sendMessage",result="ok"} 12
            repitbot_telegram_requests_total{method="sendMessage",result="429"} 3
            repitbot_telegram_requests_total_other 5
            """;
        var samples = PrometheusText.Samples(text, "repitbot_telegram_requests_total");
        Assert.Equal(2, samples.Count);
        Assert.Equal("429", samples[1].Labels["result"]);
        Assert.Equal(3, samples[1].Value);
    }

    [Fact]
    public void A_read_mix_sends_each_endpoint_in_proportion_to_its_weight_interleaved()
    {
        var mix = ReadMix.Parse("dashboard=3,chart=1");
        var picks = Enumerable.Range(0, 400).Select(i => mix.Pick(i).Name).ToList();
        Assert.Equal(300, picks.Count(p => p == "dashboard"));
        Assert.Equal(100, picks.Count(p => p == "chart"));
        Assert.Contains("chart", picks.Take(4));
        Assert.Equal(mix.Pick(399).Name, mix.Pick(-1).Name); // warm-up operations (negative numbers) wrap around
    }

    [Theory]
    [InlineData("pie=1")]
    [InlineData("dashboard=0")]
    [InlineData("dashboard=x")]
    [InlineData("dashboard,dashboard")]
    [InlineData(",")]
    public void A_bad_mix_is_a_usage_error(string mix) => Assert.Throws<UsageException>(() => ReadMix.Parse(mix));
}
