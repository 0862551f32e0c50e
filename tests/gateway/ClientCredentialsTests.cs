using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;

namespace Repitbot.Gateway.Tests;

public sealed class ClientCredentialsTests
{
    private static async Task<(GatewayHost Gateway, string Secret)> StartWithClientAsync()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var gateway = await GatewayHost.StartAsync(new()
        {
            ["Auth:Clients:0:Id"] = "reports-bot",
            ["Auth:Clients:0:SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))),
            ["Auth:Clients:0:Role"] = "service",
            ["Auth:Clients:0:Subject"] = "reports-bot",
        });
        return (gateway, secret);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [Fact]
    public async Task The_right_secret_gets_a_token_that_opens_a_route()
    {
        var (gateway, secret) = await StartWithClientAsync();
        await using var _ = gateway;

        var response = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative),
            Form(("grant_type", "client_credentials"), ("client_id", "reports-bot"), ("client_secret", secret)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(900, body.RootElement.GetProperty("expires_in").GetInt32());
        var token = body.RootElement.GetProperty("access_token").GetString();
        var proxied = await gateway.GetAsync("/api/v1/reports/monthly", token);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(1, gateway.Backend.Requests);
    }

    [Fact]
    public async Task A_json_body_works_as_well_as_a_form()
    {
        var (gateway, secret) = await StartWithClientAsync();
        await using var _ = gateway;

        var response = await gateway.Client.PostAsJsonAsync(new Uri("/auth/token", UriKind.Relative),
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "reports-bot", ["client_secret"] = secret });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_and_an_unknown_client_get_the_same_401_problem()
    {
        var (gateway, secret) = await StartWithClientAsync();
        await using var _ = gateway;

        var wrongSecret = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative),
            Form(("grant_type", "client_credentials"), ("client_id", "reports-bot"), ("client_secret", secret + "x")));
        var unknownClient = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative),
            Form(("grant_type", "client_credentials"), ("client_id", "nobody"), ("client_secret", secret)));

        foreach (var response in new[] { wrongSecret, unknownClient })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var first = JsonDocument.Parse(await wrongSecret.Content.ReadAsStringAsync());
        using var second = JsonDocument.Parse(await unknownClient.Content.ReadAsStringAsync());
        Assert.Equal(first.RootElement.GetProperty("title").GetString(), second.RootElement.GetProperty("title").GetString());
        Assert.Equal("invalid_client", first.RootElement.GetProperty("error").GetString());
        Assert.False(first.RootElement.TryGetProperty("errors", out var __));
    }

    [Fact]
    public async Task A_missing_client_id_is_a_400_naming_the_field()
    {
        var (gateway, secret) = await StartWithClientAsync();
        await using var _ = gateway;

        var response = await gateway.Client.PostAsync(new Uri("/auth/token", UriKind.Relative),
            Form(("grant_type", "client_credentials"), ("client_secret", secret)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("client_id", out var __));
        Assert.False(errors.TryGetProperty("client_secret", out var ___));
    }
}
