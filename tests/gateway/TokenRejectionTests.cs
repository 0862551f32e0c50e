using System.Net;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;

namespace Repitbot.Gateway.Tests;

/// <summary>
/// Every attack on a token, against every route in the gateway's configuration (anonymous ones too: a
/// token that is presented must be valid): 401 with problem details, and nothing reaches a service.
/// </summary>
public sealed class TokenRejectionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string> Attacks => [.. AttackTokens.Kinds];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Is_refused_with_401_problem_details_on_every_route(string attack)
    {
        var gateway = fixture.Gateway;
        var token = AttackTokens.Create(attack, gateway);

        foreach (var route in ConfiguredRoutes.All)
        {
            var response = await gateway.GetAsync(route.SamplePath, token);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{attack} on {route.Id}: {(int)response.StatusCode}");
            await AssertProblemAsync(response, "invalid_token");
            Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, gateway.Backend.Requests);
    }

    [Fact]
    public async Task No_token_on_a_guarded_route_is_401_asking_for_one()
    {
        var gateway = fixture.Gateway;

        foreach (var route in ConfiguredRoutes.All.Where(r => r.Policy != "anonymous"))
        {
            var response = await gateway.GetAsync(route.SamplePath, token: null);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Id}: {(int)response.StatusCode}");
            await AssertProblemAsync(response, "missing_token");
        }

        Assert.Equal(0, gateway.Backend.Requests);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", text, StringComparison.Ordinal);
    }
}
