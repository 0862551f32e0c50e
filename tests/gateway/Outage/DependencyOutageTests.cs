using System.Net;
using System.Text.Json;
using Npgsql;
using Repitbot.Gateway.Tests.Support;
using Repitbot.TestSupport;
using Repitbot.TestSupport.Faults;

namespace Repitbot.Gateway.Tests.Outage;

/// <summary>
/// What a client of the gateway sees while something is down: a service behind it (503 naming the service,
/// never YARP's empty 502/504), or the gateway's own PostgreSQL (503 naming PostgreSQL, never 500).
/// </summary>
public sealed class DependencyOutageTests
{
    [Theory]
    [InlineData("Analytics", "analytics", "/api/v1/charts/lessons-per-day")]
    [InlineData("Notification", "notification", "/api/v1/notifications")]
    [InlineData("BotGateway", "bot-gateway", "/api/v1/students")]
    public async Task A_service_that_refuses_connections_is_a_503_naming_it(string setting, string service, string path)
    {
        await using var gateway = await GatewayHost.StartAsync(unreachable: [setting]);

        using var response = await gateway.GetAsync(path, gateway.MintToken());

        await OutageAssert.DependencyUnavailableAsync(response, service, path);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_a_503_naming_it()
    {
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel does) and never answers
        var address = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var gateway = await GatewayHost.StartAsync(new()
        {
            ["Services:Analytics"] = address,
            ["ReverseProxy:Routes:charts:Timeout"] = "00:00:01",
        });

        using var response = await gateway.GetAsync("/api/v1/charts/lessons-per-day", gateway.MintToken());

        await OutageAssert.DependencyUnavailableAsync(response, "analytics", "charts through a silent service");
    }

    [Fact]
    public async Task Health_says_Degraded_naming_a_service_that_reports_itself_Degraded()
    {
        await using var degraded = await DegradedBackend.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(new() { ["Services:Notification"] = degraded.Url });

        using var response = await gateway.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["notification"], body.RootElement.GetProperty("degraded").EnumerateArray().Select(e => e.GetString()));
        var notification = body.RootElement.GetProperty("services").GetProperty("notification");
        Assert.Equal("Degraded", notification.GetProperty("status").GetString());
        Assert.Contains("worker: Degraded (stalled for 90 s)", notification.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.RootElement.GetProperty("services").GetProperty("analytics").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_is_anonymous(string path)
    {
        await using var gateway = await GatewayHost.StartAsync();

        using var response = await gateway.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_gateways_own_PostgreSQL_down_is_a_503_on_its_routes_then_they_serve_again()
    {
        await using var dependencies = FaultyDependencies.Start("gateway");
        await using var gateway = await GatewayHost.StartAsync(dependencies.Settings("gateway"));
        using var before = await TokenForUnknownClientAsync(gateway);
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        dependencies.Postgres.Cut();
        NpgsqlConnection.ClearAllPools();
        using (var response = await TokenForUnknownClientAsync(gateway))
        {
            await OutageAssert.DependencyUnavailableAsync(response, "PostgreSQL", "POST /auth/token");
        }

        var sweep = await RouteSweep.CallAllAsync(gateway.Services, gateway.Client);
        Assert.Empty(await RouteSweep.ServerErrorsAsync(sweep));

        dependencies.Postgres.Restore();
        Assert.True(await Eventually.Async(async () =>
        {
            using var after = await TokenForUnknownClientAsync(gateway);
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }), "/auth/token did not answer again after PostgreSQL came back.");
    }

    private static Task<HttpResponseMessage> TokenForUnknownClientAsync(GatewayHost gateway) =>
        gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"nobody-{Guid.NewGuid():N}", ["client_secret"] = "not-a-secret",
        }));
}
