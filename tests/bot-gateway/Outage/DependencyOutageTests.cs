using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.BotGateway.Webhooks;
using Repitbot.TestSupport.Faults;

namespace Repitbot.BotGateway.Tests.Outage;

/// <summary>
/// The bot gateway with PostgreSQL really gone (connections reset, as when the server is killed): its REST
/// intake, people, webhook and admin routes answer 503 with Retry-After and problem details, never 500 or
/// a made-up 409, and serve again once PostgreSQL is back.
/// </summary>
public sealed class DependencyOutageTests
{
    [Fact]
    public async Task PostgreSQL_down_is_503_on_every_route_then_the_routes_serve_again()
    {
        await using var started = await StartedHost.StartAsync(new OutageBotGatewayFactory());
        var bot = started.Host;
        var tutorId = Guid.NewGuid();
        using var tutor = bot.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var routes = Routes(bot, tutorId, student.StudentId);

        bot.Dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();
        foreach (var (route, request) in routes)
        {
            using var client = request.Client();
            using var message = request.Message();
            using var response = await client.SendAsync(message);
            await OutageAssert.DependencyUnavailableAsync(response, "PostgreSQL", route);
        }

        var sweep = await RouteSweep.CallAllAsync(bot.Services, bot.ClientWithToken(bot.Tokens.Admin()));
        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));

        bot.Dependencies.Postgres.Restore();
        foreach (var (route, request) in routes)
        {
            Assert.True(await Eventually.Async(async () =>
            {
                using var client = request.Client();
                using var message = request.Message();
                using var response = await client.SendAsync(message);
                return (int)response.StatusCode < 500;
            }), $"{route} did not serve again after PostgreSQL came back.");
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_is_anonymous(string path)
    {
        await using var started = await StartedHost.StartAsync(new OutageBotGatewayFactory());

        using var response = await started.Host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static List<(string Route, (Func<HttpClient> Client, Func<HttpRequestMessage> Message) Request)> Routes(
        OutageBotGatewayFactory bot, Guid tutorId, Guid studentId)
    {
        HttpClient Tutor() => bot.TutorClient(tutorId);
        HttpClient Admin() => bot.ClientWithToken(bot.Tokens.Admin());
        HttpClient Service() => bot.ClientWithToken(bot.Tokens.Service());
        HttpClient Anonymous() => bot.CreateClient();
        return
        [
            ("lesson completed", (Tutor, () => Post("/api/v1/events/lessons/completed",
                new { lessonId = Guid.NewGuid(), studentId, outcome = "attended", minutes = 60 }))),
            ("payment received", (Tutor, () => Post("/api/v1/events/payments/received",
                new { paymentId = Guid.NewGuid(), studentId, amountMinor = 150000, currency = "RUB", method = "card", lessonsCovered = 1 }))),
            ("create student", (Tutor, () => Post("/api/v1/students", new { displayName = "Оля", email = $"{Guid.NewGuid():N}@test.local" }))),
            ("invite", (Tutor, () => Post("/api/v1/invites", new { }))),
            ("profile", (Tutor, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/profile"))),
            ("user by telegram id", (Service, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/by-telegram/42"))),
            ("webhook inbox", (Admin, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks/inbox"))),
            ("signed webhook", (Anonymous, () => SignedWebhook(tutorId, studentId))),
        ];
    }

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage SignedWebhook(Guid tutorId, Guid studentId)
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "evt-" + Guid.NewGuid(), type = "lessons/completed", tutorId,
            data = new { studentId, outcome = "attended", minutes = 55 },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{BotGatewayFactory.WebhookSource}") { Content = Json.Raw(body) };
        request.Headers.Add(WebhookSignature.Header,
            $"t={timestamp},v1={WebhookSignature.Sign(BotGatewayFactory.WebhookSecret, timestamp, Encoding.UTF8.GetBytes(body))}");
        return request;
    }
}
