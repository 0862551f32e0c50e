using System.Net;
using System.Net.Http.Json;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

public sealed class ProxyTests
{
    [Fact]
    public async Task A_valid_token_reaches_the_service_with_its_headers_unchanged()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var token = gateway.MintToken();
        var correlationId = $"test-{Guid.NewGuid():N}";
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dashboard?days=7");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Correlation-Id", correlationId);
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.Equal("/api/v1/dashboard?days=7", echo!.PathAndQuery);
        Assert.Equal($"Bearer {token}", echo.Authorization);
        Assert.Equal(correlationId, echo.CorrelationId);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal(traceId, echo.TraceParent.Split('-')[1]);
    }

    [Fact]
    public async Task A_correlation_id_the_gateway_creates_is_the_one_the_service_sees()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var response = await gateway.GetAsync("/api/v1/notifications/mine", gateway.MintToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.False(string.IsNullOrEmpty(echo!.CorrelationId));
        Assert.Equal(echo.CorrelationId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_student_reaches_their_study_level_but_not_the_tutors_student_routes()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var studentId = Guid.NewGuid();
        var student = gateway.MintToken(Roles.Student, studentId.ToString());

        var level = await gateway.GetAsync($"/api/v1/students/{studentId}/level", student);
        var history = await gateway.GetAsync($"/api/v1/students/{studentId}/level/history", student);
        var students = await gateway.GetAsync($"/api/v1/students/{studentId}", student);
        var scale = await gateway.GetAsync("/api/v1/level-scale", student);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (level.StatusCode, history.StatusCode));
        Assert.Equal($"/api/v1/students/{studentId}/level/history", (await history.Content.ReadFromJsonAsync<Echo>())!.PathAndQuery);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (students.StatusCode, scale.StatusCode));
    }

    [Fact]
    public async Task Webhooks_need_no_token_because_the_bot_gateway_checks_their_signature()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var response = await gateway.Client.PostAsync(new Uri("/api/v1/webhooks/telegram", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", (await response.Content.ReadFromJsonAsync<Echo>())!.Method);
    }

    [Fact]
    public async Task A_route_without_an_authorization_policy_stops_the_start()
    {
        await using var gateway = await GatewayHost.StartAsync(new()
        {
            ["ReverseProxy:Routes:unguarded:ClusterId"] = "analytics",
            ["ReverseProxy:Routes:unguarded:Match:Path"] = "/api/v1/unguarded/{**rest}",
        });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.Client);

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("Route 'unguarded' names no AuthorizationPolicy", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
