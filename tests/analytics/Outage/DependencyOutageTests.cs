using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Analytics.Tests.Outage;

/// <summary>
/// Analytics with PostgreSQL or Redis really gone (the TCP connection reset, as when the server is killed):
/// every route answers 503 with Retry-After and problem details naming it, never 500, and serves again
/// once the server is back.
/// </summary>
public sealed class DependencyOutageTests
{
    private static Task<StartedHost<OutageServiceFactory<Program>>> StartAsync() =>
        StartedHost.StartAsync(new OutageServiceFactory<Program>("analytics"));

    /// <summary>
    /// Routes that read PostgreSQL, each call as a tutor of its own so that no cached answer hides the
    /// database. (The dashboard reads Redis aggregates only; the route sweep covers it.)
    /// </summary>
    private static IEnumerable<(string Route, Func<OutageServiceFactory<Program>, HttpRequestMessage> Request, bool Admin)> Routes() =>
    [
        ("area", _ => Get("/api/v1/analytics/lessons"), false),
        ("chart", _ => Get("/api/v1/charts/lessons-per-day?days=7&format=png"), false),
        ("quick report", _ => Get("/api/v1/reports/quick/lesson?days=14&format=pdf"), false),
        ("report job", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = JsonContent.Create(new { }) }, false),
        ("export", _ => Get("/api/v1/export/events?from=2026-01-01&to=2026-01-07&format=csv"), false),
        ("admin reconcile", _ => Get("/api/v1/admin/reconcile"), true),
        ("admin rebuild", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/rebuild-cache"), true),
        ("admin rollup", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/rollup"), true),
    ];

    [Fact]
    public async Task PostgreSQL_down_is_503_on_every_route_then_the_routes_serve_again()
    {
        await using var started = await StartAsync();
        var analytics = started.Host;
        foreach (var (route, request, admin) in Routes())
        {
            using var before = await SendAsync(analytics, request, admin);
            Assert.True(before.IsSuccessStatusCode, $"{route} before the outage: {(int)before.StatusCode} {await before.Content.ReadAsStringAsync()}");
        }

        analytics.Dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();
        foreach (var (route, request, admin) in Routes())
        {
            using var response = await SendAsync(analytics, request, admin);
            await OutageAssert.DependencyUnavailableAsync(response, "PostgreSQL", route);
        }

        var sweep = await RouteSweep.CallAllAsync(analytics.Services, analytics.ClientWithToken(analytics.Tokens.Admin()));
        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));

        analytics.Dependencies.Postgres.Restore();
        foreach (var (route, request, admin) in Routes())
        {
            Assert.True(await Eventually.Async(async () =>
            {
                using var after = await SendAsync(analytics, request, admin);
                return after.IsSuccessStatusCode;
            }), $"{route} did not serve again after PostgreSQL came back.");
        }
    }

    [Fact]
    public async Task Redis_down_is_503_naming_Redis_where_a_route_cannot_answer_without_it()
    {
        await using var started = await StartAsync();
        var analytics = started.Host;
        using var before = await SendAsync(analytics, _ => Get("/api/v1/admin/reconcile"), admin: true);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        analytics.Dependencies.Redis.Cut();
        using (var response = await SendAsync(analytics, _ => Get("/api/v1/admin/reconcile"), admin: true))
        {
            await OutageAssert.DependencyUnavailableAsync(response, "Redis", "admin reconcile");
        }

        var sweep = await RouteSweep.CallAllAsync(analytics.Services, analytics.ClientWithToken(analytics.Tokens.Admin()));
        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));

        analytics.Dependencies.Redis.Restore();
        Assert.True(await Eventually.Async(async () =>
        {
            using var after = await SendAsync(analytics, _ => Get("/api/v1/admin/reconcile"), admin: true);
            return after.StatusCode == HttpStatusCode.OK;
        }), "reconcile did not serve again after Redis came back.");
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_is_anonymous(string path)
    {
        await using var started = await StartAsync();
        var analytics = started.Host;
        using var response = await analytics.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_clients_mistake_keeps_its_400_while_PostgreSQL_is_down()
    {
        await using var started = await StartAsync();
        var analytics = started.Host;
        analytics.Dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();

        using var response = await SendAsync(analytics, _ => Get("/api/v1/charts/revenue?days=abc"), admin: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(OutageServiceFactory<Program> analytics,
        Func<OutageServiceFactory<Program>, HttpRequestMessage> request, bool admin)
    {
        using var client = analytics.ClientWithToken(admin ? analytics.Tokens.Admin() : analytics.Tokens.Tutor(Guid.NewGuid()));
        using var message = request(analytics);
        return await client.SendAsync(message);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}
