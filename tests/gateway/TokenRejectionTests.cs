using System.Net;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>Every kind of bad token is refused at the gateway with problem details, and never reaches a service.</summary>
public sealed class TokenRejectionTests
{
    public static TheoryData<string> BadTokens =>
        ["no token", "expired", "signed by another key", "alg none", "HS256 with a secret", "wrong issuer", "wrong audience"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Is_refused_with_401_problem_details(string kind)
    {
        await using var gateway = await GatewayHost.StartAsync();
        var token = Create(kind, gateway);

        var response = await gateway.GetAsync("/api/v1/dashboard?days=7", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Backend.Requests);
    }

    private static string? Create(string kind, GatewayHost gateway)
    {
        var (issuer, audience) = (gateway.Jwt.Issuer!, gateway.Jwt.Audience!);
        return kind switch
        {
            "no token" => null,
            "expired" => new AccessTokenFactory(gateway.Key, issuer, audience, new FixedClock(DateTimeOffset.UtcNow.AddHours(-2)))
                .Create("tutor-1", Roles.Tutor, TimeSpan.FromHours(1)),
            "signed by another key" => new AccessTokenFactory(SigningKey.Generate(), issuer, audience, TimeProvider.System)
                .Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "alg none" => TestTokens.AlgNone(issuer, audience, "tutor-1", Roles.Tutor),
            "HS256 with a secret" => TestTokens.Hs256(issuer, audience, gateway.Key.KeyId, "tutor-1", Roles.Tutor),
            "wrong issuer" => new AccessTokenFactory(gateway.Key, "someone-else", audience, TimeProvider.System)
                .Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "wrong audience" => new AccessTokenFactory(gateway.Key, issuer, "another-suite", TimeProvider.System)
                .Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
