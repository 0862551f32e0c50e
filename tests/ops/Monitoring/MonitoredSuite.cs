using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Repitbot.EndToEnd;
using Repitbot.Hosting.Auth;
using Repitbot.TelegramStub;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// The four services as real processes (on ports of their own: tests/EndToEnd uses 18xxx) with the bot and
/// notification on the Telegram stand-in, a little traffic in two waves (including refusals and delivery
/// failures, so failure counters have series too), and Prometheus scraping it all as production does.
/// </summary>
public sealed class MonitoredSuite : IAsyncLifetime
{
    public static readonly (string Job, string Assembly, int Port)[] Services =
    [
        ("gateway", "Repitbot.Gateway", 19080),
        ("bot-gateway", "Repitbot.BotGateway", 19000),
        ("notification", "Repitbot.Notification", 19006),
        ("analytics", "Repitbot.Analytics", 19007),
    ];

    private const string ClientSecret = "ops-monitoring-secret";
    private readonly List<ServiceProcess> _processes = [];
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"repitbot-ops-{Guid.NewGuid():N}.pem");
    private HttpClient Gateway { get; } = new() { BaseAddress = new Uri("http://127.0.0.1:19080"), Timeout = TimeSpan.FromSeconds(30) };
    private RabbitVirtualHost? _vhost;
    private TelegramStubServer? _telegram;
    private AccessTokenFactory _tokens = null!;
    private int _lessons;

    public PrometheusServer Prometheus { get; private set; } = null!;

    public static string Database => TestData.Database;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAndLoadAsync();
        }
        catch
        {
            // Never leave services or Prometheus behind on the fixed ports when the start fails.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAndLoadAsync()
    {
        _vhost = await RabbitVirtualHost.CreateAsync();
        _telegram = await TelegramApiStub.StartAsync();
        foreach (var (job, assembly, port) in Services)
        {
            _processes.Add(await StartAsync(job, assembly, port));
        }

        _tokens = new AccessTokenFactory(SigningKey.LoadOrCreate(_keyPath), TestTokens.Issuer, TestTokens.Audience, TimeProvider.System);

        var jobs = Services.ToDictionary(s => s.Job, s => ($"127.0.0.1:{s.Port}", "/metrics"));
        jobs["rabbitmq"] = ("127.0.0.1:15692", "/metrics");
        jobs["rabbitmq-queues"] = ("127.0.0.1:15692",
            $"/metrics/detailed?vhost={_vhost.Name}&family=queue_coarse_metrics&family=queue_consumer_count");
        Prometheus = await PrometheusServer.StartAsync(jobs);

        // Two waves: histogram and labelled series appear at their first observation, so only a second
        // wave, scraped before and after, gives rate() and histogram_quantile() something to compute.
        await TrafficAsync();
        await Prometheus.WaitForScrapesAfterAsync(DateTimeOffset.UtcNow);
        await TrafficAsync();
        await Prometheus.WaitForScrapesAfterAsync(DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
            Prometheus = null!;
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
            _vhost = null;
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
            _telegram = null;
        }

        File.Delete(_keyPath);
        Gateway.Dispose();
    }

    /// <summary>Generous: the machine running the tests is shared, and a slow wave is not a failure.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The warnings and errors a service logged, for failure messages.</summary>
    private string Problems(string job) => string.Join('\n', _processes.Single(p => p.Name == job).Output
        .Split('\n').Where(l => !l.Contains("\"LogLevel\":\"Information\"", StringComparison.Ordinal)
            && !l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal)));

    /// <summary>Tokens (good and bad), a student, a completed lesson that becomes an e-mail and a dashboard count.</summary>
    private async Task TrafficAsync()
    {
        var admin = await IssueTokenAsync(ClientSecret);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IssueTokenAsync("wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Gateway.GetAsync(new Uri("/api/v1/dashboard?days=7", UriKind.Relative))).StatusCode);
        await Gateway.GetAsync(new Uri("/health", UriKind.Relative));

        var tutor = _tokens.Create(Guid.NewGuid().ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));
        var email = $"student-{Guid.NewGuid():N}@ops.repitbot.local";
        var student = await SendAsync(HttpMethod.Post, "/api/v1/students", tutor, new { displayName = "Анна", email, locale = "ru" });
        Assert.True(student.IsSuccessStatusCode, await student.Content.ReadAsStringAsync());
        var studentId = (await student.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("studentId").GetGuid();
        var lesson = await SendAsync(HttpMethod.Post, "/api/v1/events/lessons/completed", tutor,
            new { lessonId = Guid.NewGuid(), studentId, outcome = "attended", minutes = 45, subject = "Химия" });
        Assert.Equal(HttpStatusCode.Accepted, lesson.StatusCode);
        _lessons++;

        Assert.True((await Mailbox.WaitForAsync(email, Patience)).Count > 0,
            $"no mail to {email} in {Mailbox.NewMailFolder}\n{Problems("notification")}");
        Assert.True(await Eventually.Async(async () =>
        {
            var dashboard = await SendAsync(HttpMethod.Get, "/api/v1/dashboard?days=7", tutor);
            return dashboard.IsSuccessStatusCode && (await dashboard.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("lessonsCompleted").GetProperty("value").GetInt64() == 1;
        }, Patience), $"the lesson never reached the dashboard\n{Problems("analytics")}");

        // A chart and a quick report (twice: the second answer comes from the cache) and a webhook from a
        // source nobody configured, so their timings, cache and intake counters have series.
        foreach (var path in new[] { "/api/v1/charts/lessons-per-day?days=7&format=png", "/api/v1/reports/quick/lesson?days=7&format=pdf" })
        {
            for (var i = 0; i < 2; i++)
            {
                var answer = await SendAsync(HttpMethod.Get, path, tutor);
                Assert.True(answer.IsSuccessStatusCode, $"{path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
        }

        var webhook = await Gateway.PostAsync(new Uri("/api/v1/webhooks/ops-probe", UriKind.Relative), JsonContent.Create(new { id = "1" }));
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);

        await TelegramTrafficAsync();

        // A client that keeps guessing its secret is slowed down: 429 from the per-client limit.
        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            flood.Add((await IssueTokenAsync("guess", "ops-flood")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
    }

    /// <summary>
    /// A Telegram user registers with the bot; a notification to them fails once (500, retried) and then
    /// for good (403, the user blocked the bot).
    /// </summary>
    private async Task TelegramTrafficAsync()
    {
        var chat = Random.Shared.NextInt64(1_000_000_000, 2_000_000_000);
        _telegram!.UserSendsText(chat, "/start tutor", firstName: "Ольга");
        Assert.True(await Eventually.Async(() => Task.FromResult(_telegram.Calls("sendMessage", chat).Any(c => c.Status == 200)), Patience),
            $"the bot never answered /start\n{Problems("bot-gateway")}");

        using var botGateway = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:19000") };
        var admin = _tokens.Create("ops-monitoring", Roles.Admin, TimeSpan.FromMinutes(10));
        botGateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var user = await botGateway.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/users/by-telegram/{chat}", UriKind.Relative));
        var userId = user.GetProperty("id").GetGuid();

        _telegram.ScriptFault("sendMessage", 500, chatId: chat);
        _telegram.ScriptFault("sendMessage", 403, description: "Forbidden: bot was blocked by the user", chatId: chat);
        HttpResponseMessage? sent = null;
        Assert.True(await Eventually.Async(async () =>
        {
            // The notification service learns about the user from the bot's events, a moment later.
            sent = await SendAsync(HttpMethod.Post, "/api/v1/notifications", admin, new { type = "test", recipientIds = new[] { userId }, channel = "telegram" });
            return sent.StatusCode == HttpStatusCode.Accepted;
        }, Patience), $"notification refused the test: {(sent is null ? "" : await sent.Content.ReadAsStringAsync())}\n{Problems("notification")}");
        Assert.True(await Eventually.Async(() => Task.FromResult(
            _telegram.Calls("sendMessage", chat).Count(c => c.Status is 500 or 403) == 2), Patience),
            $"the notification was not tried twice\n{Problems("notification")}");
    }

    private Task<HttpResponseMessage> IssueTokenAsync(string secret, string clientId = "ops-monitoring") =>
        Gateway.PostAsync(new Uri("/auth/token", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret),
        ]));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Gateway.SendAsync(request);
    }

    private Dictionary<string, string> Settings(string job, int port)
    {
        var settings = LocalEnvironment.For(job);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Jwt__JwksUrl"] = "http://127.0.0.1:19080/.well-known/jwks.json";
        settings["Services__BotGateway"] = "http://127.0.0.1:19000";
        settings["Services__Notification"] = "http://127.0.0.1:19006";
        settings["Services__Analytics"] = "http://127.0.0.1:19007";
        settings["RabbitMq__Uri"] = _vhost!.AmqpUri;
        settings["Tokens__SigningKeyPath"] = _keyPath;
        settings["Auth__Clients__0__Id"] = "ops-monitoring";
        settings["Auth__Clients__0__SecretSha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        settings["Auth__Clients__0__Role"] = Roles.Admin;
        settings["Auth__Clients__0__Subject"] = "ops-monitoring";
        if (job == "analytics")
        {
            // The result cache's size is sampled once a minute by default; the test looks within seconds.
            settings["Analytics__Metrics__CacheSizeInterval"] = "00:00:01";
        }

        if (job is "bot-gateway" or "notification")
        {
            settings.UseStub(_telegram!);
            settings["Delivery__RetryBaseDelay"] = "00:00:00.200";
        }

        return settings;
    }

    /// <summary>
    /// One at a time, as ./run.sh does. A service that gives up on a dependency at start (exit 3: on a
    /// busy machine its probe can time out) is started again, as Compose and Kubernetes would.
    /// </summary>
    private async Task<ServiceProcess> StartAsync(string job, string assembly, int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            var process = ServiceProcess.Start(job, assembly, Settings(job, port));
            if (await WaitUntilReadyAsync(process, port))
            {
                return process;
            }

            var output = process.Output;
            var exitCode = process.ExitCode;
            await process.DisposeAsync();
            Assert.True(exitCode == 3 && attempt < 3, $"{job} exited with {exitCode}:\n{output}");
        }
    }

    /// <summary>True once ready; false if the process exited first.</summary>
    private static async Task<bool> WaitUntilReadyAsync(ServiceProcess process, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = await Eventually.Async(async () =>
        {
            if (process.HasExited)
            {
                return true;
            }

            try
            {
                return (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(180));
        Assert.True(ready, $"{process.Name} was not ready in 180 s:\n{process.Output}");
        return !process.HasExited;
    }
}
