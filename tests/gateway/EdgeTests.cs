using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>Security headers, CORS from configuration and body limits, on proxied routes and on the gateway's own.</summary>
public sealed class EdgeTests
{
    private const string AllowedOrigin = "https://app.repitbot.test";

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_name()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var responses = new[]
        {
            await gateway.GetAsync("/api/v1/dashboard?days=7", gateway.MintToken()),
            await gateway.GetAsync("/api/v1/dashboard?days=7", token: null),
            await gateway.Client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)),
        };

        foreach (var response in responses)
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task Cors_answers_a_preflight_from_a_configured_origin_and_ignores_others()
    {
        await using var gateway = await GatewayHost.StartAsync(new() { ["Cors:AllowedOrigins:0"] = AllowedOrigin });

        var allowed = await PreflightAsync(gateway, AllowedOrigin);
        var other = await PreflightAsync(gateway, "https://evil.test");
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/api/v1/charts/lessons");
        simple.Headers.Authorization = new("Bearer", gateway.MintToken());
        simple.Headers.Add("Origin", AllowedOrigin);
        var actual = await gateway.Client.SendAsync(simple);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(AllowedOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("authorization", string.Join(',', allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(AllowedOrigin, Assert.Single(actual.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(1, gateway.Backend.Requests);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_problem_details_before_anything_is_proxied()
    {
        await using var gateway = await GatewayHost.StartAsync(new() { ["Limits:MaxRequestBodyBytes"] = "4096" });
        var token = gateway.MintToken();

        var tooLarge = await PostAsync(gateway, "/api/v1/events/lessons/completed", token, 4097);
        var anonymousTooLarge = await PostAsync(gateway, "/api/v1/webhooks/telegram", token: null, 5000);
        var authTooLarge = await gateway.Client.PostAsJsonAsync(new Uri("/auth/token", UriKind.Relative),
            new { grant_type = "client_credentials", client_id = "x", client_secret = new string('s', 20_000) });
        var fits = await PostAsync(gateway, "/api/v1/events/lessons/completed", token, 4096);
        // The import route sets its own, larger limit in appsettings.json.
        var import = await PostAsync(gateway, "/api/v1/import", gateway.MintToken(Roles.Admin, "ops"), 100_000);

        foreach (var response in new[] { tooLarge, anonymousTooLarge, authTooLarge })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(413, body.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(4096, (await fits.Content.ReadFromJsonAsync<Echo>())!.BodyBytes);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(100_000, (await import.Content.ReadFromJsonAsync<Echo>())!.BodyBytes);
        Assert.Equal(2, gateway.Backend.Requests);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_is_413_problem_details()
    {
        await using var gateway = await GatewayHost.StartAsync(new() { ["Limits:MaxRequestBodyBytes"] = "4096" }, kestrel: true);
        var token = gateway.MintToken();

        var tooLarge = await PostUnsizedAsync(gateway, "/api/v1/events/lessons/completed", token, 64 * 1024);
        var fits = await PostUnsizedAsync(gateway, "/api/v1/events/lessons/completed", token, 4000);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(413, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(4000, (await fits.Content.ReadFromJsonAsync<Echo>())!.BodyBytes);
    }

    private static async Task<HttpResponseMessage> PostUnsizedAsync(GatewayHost gateway, string path, string token, int bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnsizedContent(bytes) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TransferEncodingChunked = true;
        return await gateway.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(GatewayHost gateway, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/dashboard");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await gateway.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(GatewayHost gateway, string path, string? token, int bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(new byte[bytes]) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await gateway.Client.SendAsync(request);
    }

    /// <summary>A body without Content-Length: sent chunked, so only its size as it streams can refuse it.</summary>
    private sealed class UnsizedContent(int bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(new byte[bytes]).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
