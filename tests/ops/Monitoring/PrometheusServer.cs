using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// Debian's Prometheus (deploy/local/infra.sh installs it) on a free port, scraping the services every
/// second with the production job names and alert rules, configured as ./run.sh --observability does.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly string _dir;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <param name="jobs">job name → (target host:port, metrics path with query string).</param>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, (string Target, string Path)> jobs)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: apt-get install prometheus (deploy/local/infra.sh up installs it)");
        var dir = Directory.CreateTempSubdirectory("repitbot-prometheus-").FullName;
        var config = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, await ConfigAsync(jobs));
        var port = FreePort();
        var start = new ProcessStartInfo(Binary,
        [
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(dir, "data"),
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, dir, port);
        Assert.True(await Eventually.Async(async () => !process.HasExited && await server.IsReadyAsync(), TimeSpan.FromSeconds(30)),
            "Prometheus did not become ready");
        return server;
    }

    /// <summary>An instant query; the result vector (empty when the expression matches nothing).</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string expression)
    {
        using var response = await _http.PostAsync(new Uri("/api/v1/query", UriKind.Relative),
            new FormUrlEncodedContent([new("query", expression)]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"{expression}: {body.GetProperty("error").GetString()}");
        }

        var data = body.GetProperty("data");
        return data.GetProperty("resultType").GetString() == "vector" ? [.. data.GetProperty("result").EnumerateArray()] : [data.GetProperty("result")];
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
    }

    /// <summary>Waits until every target has been scraped at least twice after <paramref name="since"/>.</summary>
    public async Task WaitForScrapesAfterAsync(DateTimeOffset since) =>
        Assert.True(await Eventually.Async(async () =>
        {
            var oldest = await QueryAsync("min(timestamp(up))");
            return oldest.Count == 1 && Value(oldest[0]) > since.ToUnixTimeMilliseconds() / 1000.0 + 2;
        }, TimeSpan.FromSeconds(30)), "Prometheus did not scrape every target after the traffic");

    public static double Value(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            return (await _http.GetAsync(new Uri("/-/ready", UriKind.Relative))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The configuration ./run.sh --observability uses (deploy/local/lib/prometheus.sh), scraping every second.</summary>
    private static async Task<string> ConfigAsync(IReadOnlyDictionary<string, (string Target, string Path)> jobs)
    {
        var result = await Shell.RunAsync("bash",
            ["deploy/local/lib/prometheus.sh", "config", "1s", .. jobs.Select(j => $"{j.Key}={j.Value.Target}{j.Value.Path}")]);
        Assert.True(result.ExitCode == 0, "deploy/local/lib/prometheus.sh config: " + result.Output);
        return result.Stdout;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
