using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests.Support;

public static class TestTokens
{
    public static async Task<TokenValidationResult> ValidateAsync(string token, IEnumerable<SecurityKey> keys,
        string issuer = "repitbot-gateway", string audience = "repitbot")
    {
        var parameters = AuthenticationRegistration.CreateValidationParameters(issuer, audience);
        parameters.IssuerSigningKeys = keys;
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    /// <summary>A token that claims to need no signature; a validator must never accept it.</summary>
    public static string AlgNone(string issuer, string audience, string subject, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new { iss = issuer, aud = audience, sub = subject, role, iat = now, nbf = now, exp = now + 300 });
        return $"{header}.{payload}.";
    }

    /// <summary>HS256 with a shared secret, carrying the gateway's key id: the classic algorithm-confusion attempt.</summary>
    public static string Hs256(string issuer, string audience, string keyId, string subject, string role)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-secret-long-enough-for-hmac-sha-256-keys")) { KeyId = keyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = role },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
