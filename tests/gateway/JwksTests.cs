using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

public sealed class JwksTests
{
    [Fact]
    public async Task Jwks_lists_one_P256_key_whose_kid_matches_minted_tokens_and_validates_them()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var token = gateway.Services.GetRequiredService<AccessTokenFactory>().Create("admin-1", Roles.Admin, TimeSpan.FromMinutes(5));

        var response = await gateway.Client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwks = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        var key = Assert.Single(jwks.Keys);
        Assert.Equal(JsonWebAlgorithmsKeyTypes.EllipticCurve, key.Kty);
        Assert.Equal(JsonWebKeyECTypes.P256, key.Crv);
        Assert.False(key.HasPrivateKey);
        Assert.Equal(new JsonWebToken(token).Kid, key.Kid);
        var result = await TestTokens.ValidateAsync(token, jwks.GetSigningKeys(), gateway.Jwt.Issuer!, gateway.Jwt.Audience!);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("admin-1", result.Claims["sub"]);
    }

    [Fact]
    public async Task A_previous_key_stays_in_the_jwks_and_its_tokens_stay_valid()
    {
        var folder = Directory.CreateTempSubdirectory("gateway-previous-").FullName;
        try
        {
            var previousPath = Path.Combine(folder, "old.pem");
            var previous = SigningKey.LoadOrCreate(previousPath);
            await using var gateway = await GatewayHost.StartAsync(new() { ["Tokens:PreviousKeyPaths:0"] = previousPath });
            var oldToken = new AccessTokenFactory(previous, gateway.Jwt.Issuer!, gateway.Jwt.Audience!, TimeProvider.System)
                .Create("tutor-7", Roles.Tutor, TimeSpan.FromMinutes(5));

            var jwks = new JsonWebKeySet(await gateway.Client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)));
            var proxied = await gateway.GetAsync("/api/v1/charts/lessons", oldToken);

            Assert.Equal([gateway.Key.KeyId, previous.KeyId], jwks.Keys.Select(k => k.Kid));
            Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
