using System.Net;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;

namespace Repitbot.Gateway.Tests;

public sealed class RateLimitTests
{
    private static FormUrlEncodedContent TokenRequest(string clientId) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "wrong",
    });

    [Fact]
    public async Task One_client_is_limited_per_window_with_429_and_retry_after_while_another_is_not()
    {
        await using var gateway = await GatewayHost.StartAsync(new() { ["RateLimits:AuthPerClient"] = "2", ["RateLimits:Window"] = "00:10:00" });
        var victim = $"victim-{Guid.NewGuid():N}";

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest(victim)));
        }

        var other = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest($"other-{Guid.NewGuid():N}"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        await AssertTooManyAsync(answers[2], maxSeconds: 600);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Two_gateway_replicas_share_one_allowance()
    {
        var shared = new Dictionary<string, string?>
        {
            ["RateLimits:AuthPerClient"] = "2", ["RateLimits:Window"] = "00:10:00", ["RateLimits:KeyPrefix"] = $"gateway-test-{Guid.NewGuid():N}",
        };
        await using var first = await GatewayHost.StartAsync(shared);
        await using var second = await GatewayHost.StartAsync(shared);
        var client = $"shared-{Guid.NewGuid():N}";

        var onFirst = await first.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest(client));
        var onSecond = await second.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest(client));
        var third = await first.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest(client));

        Assert.Equal(HttpStatusCode.Unauthorized, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onSecond.StatusCode);
        await AssertTooManyAsync(third, maxSeconds: 600);
    }

    [Fact]
    public async Task One_address_is_limited_across_all_auth_endpoints_but_proxied_routes_are_not()
    {
        await using var gateway = await GatewayHost.StartAsync(new() { ["RateLimits:AuthPerIp"] = "3", ["RateLimits:Window"] = "00:05:00" });

        var statuses = new List<HttpStatusCode>
        {
            (await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest("a"))).StatusCode,
            (await gateway.Client.PostAsync(new Uri("/auth/refresh", UriKind.Relative), new FormUrlEncodedContent([KeyValuePair.Create("refresh_token", "x")]))).StatusCode,
            (await gateway.Client.PostAsync(new Uri("/auth/revoke", UriKind.Relative), new FormUrlEncodedContent([KeyValuePair.Create("token", "x")]))).StatusCode,
        };
        var limited = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative), TokenRequest("b"));
        var proxied = await gateway.GetAsync("/api/v1/dashboard", gateway.MintToken());

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        await AssertTooManyAsync(limited, maxSeconds: 300);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, int maxSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, maxSeconds);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
    }
}
