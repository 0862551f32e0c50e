using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>Every way of forging or bending a token that the gateway must refuse.</summary>
public static class AttackTokens
{
    public static readonly string[] Kinds =
    [
        "alg none", "HS256 signed with the public key", "HS256 with a secret", "expired", "not yet valid",
        "wrong issuer", "wrong audience", "unknown key id", "real key under an unknown key id", "signed by another key",
        "tampered payload", "garbage", "three dots of garbage", "no expiry",
    ];

    public static string Create(string kind, GatewayHost gateway)
    {
        var (issuer, audience, key) = (gateway.Jwt.Issuer!, gateway.Jwt.Audience!, gateway.Key);
        var now = DateTimeOffset.UtcNow;
        return kind switch
        {
            "alg none" => TestTokens.AlgNone(issuer, audience, "tutor-1", Roles.Tutor),
            "HS256 signed with the public key" => Hmac(issuer, audience, key.KeyId,
                Encoding.UTF8.GetBytes(key.ECDsa.ExportSubjectPublicKeyInfoPem())),
            "HS256 with a secret" => TestTokens.Hs256(issuer, audience, key.KeyId, "tutor-1", Roles.Tutor),
            "expired" => Factory(key, issuer, audience, now.AddHours(-2)).Create("tutor-1", Roles.Tutor, TimeSpan.FromHours(1)),
            "not yet valid" => Factory(key, issuer, audience, now).Create("tutor-1", Roles.Tutor, TimeSpan.FromHours(2),
                notBefore: now.AddHours(1)),
            "wrong issuer" => Factory(key, "someone-else", audience, now).Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "wrong audience" => Factory(key, issuer, "another-suite", now).Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "unknown key id" => Factory(SigningKey.Generate(), issuer, audience, now).Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "real key under an unknown key id" => Factory(new ECDsaSecurityKey(key.ECDsa) { KeyId = "not-a-known-kid" },
                issuer, audience, now).Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "signed by another key" => Factory(WithKid(SigningKey.Generate(), key.KeyId), issuer, audience, now)
                .Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5)),
            "tampered payload" => Tamper(Factory(key, issuer, audience, now).Create("tutor-1", Roles.Tutor, TimeSpan.FromMinutes(5))),
            "garbage" => "this-is-not-a-token",
            "three dots of garbage" => "eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.c2lnbmF0dXJl",
            "no expiry" => NoExpiry(key, issuer, audience),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static AccessTokenFactory Factory(ECDsaSecurityKey key, string issuer, string audience, DateTimeOffset now) =>
        new(key, issuer, audience, new FixedClock(now));

    private static ECDsaSecurityKey WithKid(ECDsaSecurityKey key, string kid)
    {
        key.KeyId = kid;
        return key;
    }

    /// <summary>The classic algorithm confusion: HMAC keyed with the public key a verifier might feed to HS256.</summary>
    private static string Hmac(string issuer, string audience, string kid, byte[] secret) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "tutor-1", ["role"] = Roles.Admin },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The same signature over a payload whose role was raised to admin.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var raised = payload.ToDictionary(p => p.Key, p => p.Key == "role" ? (object)Roles.Admin : p.Value);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(raised))}.{parts[2]}";
    }

    private static string NoExpiry(ECDsaSecurityKey key, string issuer, string audience) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "tutor-1"), new Claim("role", Roles.Tutor)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
}
