using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
    public static readonly (string Job, string Assembly, int Port)[] Services = [.. SuitePorts.Monitoring.Services];

    private const string ClientSecret = "ops-monitoring-secret";
    private SuiteLauncher? _suite;
    private HttpClient Gateway { get; } = new() { BaseAddress = SuitePorts.Monitoring.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
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
        _suite = await SuiteLauncher.StartAsync(new SuiteOptions(SuitePorts.Monitoring)
        {
            Clients = [new SuiteClient("ops-monitoring", ClientSecret, Roles.Admin, "ops-monitoring")],
            // Quick retries, so a delivery failure and its retry both land within one wave.
            Configure = (name, settings) =>
            {
                if (name is "bot-gateway" or "notification")
                {
                    settings["Delivery__RetryBaseDelay"] = "00:00:00.200";
                }

                if (name == "analytics")
                {
                    // The result cache's size is sampled once a minute by default; the test looks within seconds.
                    settings["Analytics__Metrics__CacheSizeInterval"] = "00:00:01";
                }
            },
        });
        var vhost = _suite.VirtualHost;

        var jobs = Services.ToDictionary(s => s.Job, s => ($"127.0.0.1:{s.Port}", "/metrics"));
        jobs["rabbitmq"] = ("127.0.0.1:15692", "/metrics");
        jobs["rabbitmq-queues"] = ("127.0.0.1:15692",
            $"/metrics/detailed?vhost={vhost.Name}&family=queue_coarse_metrics&family=queue_consumer_count");
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

        if (_suite is not null)
        {
            await _suite.DisposeAsync();
            _suite = null;
        }

        Gateway.Dispose();
    }

    /// <summary>Generous: the machine running the tests is shared, and a slow wave is not a failure.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The warnings and errors a service logged, for failure messages.</summary>
    private string Problems(string job) => string.Join('\n', _suite!.OutputOf(job)
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

        var tutor = _suite!.Tokens.Create(Guid.NewGuid().ToString(), Roles.Tutor, TimeSpan.FromMinutes(10));
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
        var telegram = _suite!.Telegram;
        telegram.UserSendsText(chat, "/start tutor", firstName: "Ольга");
        Assert.True(await Eventually.Async(() => Task.FromResult(telegram.Calls("sendMessage", chat).Any(c => c.Status == 200)), Patience),
            $"the bot never answered /start\n{Problems("bot-gateway")}");

        using var botGateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{SuitePorts.Monitoring.BotGateway}") };
        var admin = _suite!.Tokens.Create("ops-monitoring", Roles.Admin, TimeSpan.FromMinutes(10));
        botGateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var user = await botGateway.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/users/by-telegram/{chat}", UriKind.Relative));
        var userId = user.GetProperty("id").GetGuid();

        telegram.ScriptFault("sendMessage", 500, chatId: chat);
        telegram.ScriptFault("sendMessage", 403, description: "Forbidden: bot was blocked by the user", chatId: chat);
        HttpResponseMessage? sent = null;
        Assert.True(await Eventually.Async(async () =>
        {
            // The notification service learns about the user from the bot's events, a moment later.
            sent = await SendAsync(HttpMethod.Post, "/api/v1/notifications", admin, new { type = "test", recipientIds = new[] { userId }, channel = "telegram" });
            return sent.StatusCode == HttpStatusCode.Accepted;
        }, Patience), $"notification refused the test: {(sent is null ? "" : await sent.Content.ReadAsStringAsync())}\n{Problems("notification")}");
        Assert.True(await Eventually.Async(() => Task.FromResult(
            telegram.Calls("sendMessage", chat).Count(c => c.Status is 500 or 403) == 2), Patience),
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
}
