using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tokens;

public static class JwksApi
{
    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", GetKeys)
            .AllowAnonymous()
            .WithTags("Tokens")
            .WithSummary("The public keys that verify the gateway's tokens (RFC 7517).");
        return app;
    }

    private static Ok<JsonWebKeySetDocument> GetKeys(SigningKeyRing keys) =>
        TypedResults.Ok(new JsonWebKeySetDocument(keys.ValidationKeys
            .Select(SigningKey.ToPublicJwk)
            .Select(jwk => new PublicJsonWebKey(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, jwk.Kid, jwk.Alg, jwk.Use))
            .ToList()));
}

/// <summary>Only the public members: serialising IdentityModel's JsonWebKey would also write its empty private fields.</summary>
public sealed record PublicJsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);

public sealed record JsonWebKeySetDocument(IReadOnlyList<PublicJsonWebKey> Keys);
