using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Notification.Tests.Outage;

/// <summary>
/// Notification with PostgreSQL or Redis really gone (connections reset, as when the server is killed):
/// templates, preferences and the delivery log answer 503 with Retry-After and problem details, never
/// 500, and serve again once the server is back.
/// </summary>
public sealed class DependencyOutageTests
{
    private static readonly Guid UserId = Guid.NewGuid();

    private static readonly (string Route, Func<HttpRequestMessage> Request)[] Routes =
    [
        ("templates", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/templates")),
        ("template", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/templates/test/email/ru")),
        ("template versions", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/templates/test/email/ru/versions")),
        ("preferences", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/preferences/{UserId}")),
        ("change preferences", () => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/preferences/{UserId}") { Content = JsonContent.Create(new { locale = "en" }) }),
        ("delivery log", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications")),
        ("one notification", () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/notifications/{Guid.NewGuid()}")),
        ("send", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications") { Content = JsonContent.Create(new { type = "test", recipientIds = new[] { UserId } }) }),
        ("test notification", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/test") { Content = JsonContent.Create(new { userId = UserId }) }),
    ];

    [Fact]
    public async Task PostgreSQL_down_is_503_on_every_route_then_the_routes_serve_again()
    {
        await using var started = await StartedHost.StartAsync(new OutageNotificationFactory());
        var notification = started.Host;
        using var admin = notification.Admin();

        notification.Dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();
        foreach (var (route, request) in Routes)
        {
            using var message = request();
            using var response = await admin.SendAsync(message);
            await OutageAssert.DependencyUnavailableAsync(response, "PostgreSQL", route);
        }

        var sweep = await RouteSweep.CallAllAsync(notification.Services, admin);
        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));

        notification.Dependencies.Postgres.Restore();
        foreach (var (route, request) in Routes)
        {
            Assert.True(await Eventually.Async(async () =>
            {
                using var message = request();
                using var response = await admin.SendAsync(message);
                return (int)response.StatusCode < 500;
            }), $"{route} did not serve again after PostgreSQL came back.");
        }
    }

    [Fact]
    public async Task A_lesson_consumed_while_PostgreSQL_is_down_longer_than_the_quick_retries_still_reaches_the_reader()
    {
        await using var started = await StartedHost.StartAsync(new OutageNotificationFactory());
        var notification = started.Host;
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await notification.RegisterStudentAsync(studentId, "Тимур", email);

        notification.Dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();
        await notification.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));
        // A database restart under load: longer than the seconds of quick retries that used to send the event to _error.
        await Task.Delay(TimeSpan.FromSeconds(16));
        Assert.Empty(Mailbox.Read(email));
        notification.Dependencies.Postgres.Restore();

        Assert.Single(await Mailbox.WaitForAsync(email, TimeSpan.FromSeconds(45)));
    }

    [Fact]
    public async Task Redis_down_breaks_no_route()
    {
        await using var started = await StartedHost.StartAsync(new OutageNotificationFactory());
        var notification = started.Host;
        using var admin = notification.Admin();

        notification.Dependencies.Redis.Cut();
        var sweep = await RouteSweep.CallAllAsync(notification.Services, admin);

        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));
        Assert.Contains(sweep, r => r.Route == "GET /health/ready" && r.Response.StatusCode == HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_is_anonymous(string path)
    {
        await using var started = await StartedHost.StartAsync(new OutageNotificationFactory());

        using var response = await started.Host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
