using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Hosting.Auth;

/// <summary>
/// Validates access tokens like <see cref="JsonWebTokenHandler"/> and remembers each accepted token for
/// a short while, because checking an ES256 signature is the largest single cost of a request at the
/// gateway and a client sends the same token on every call. Only successes are remembered, keyed by
/// the whole token text (so any changed byte is validated afresh); a remembered token is accepted
/// again only while it has not expired and the key that signed it is still published, so expiry and
/// key withdrawal take effect at once (a full validation allows the clock skew past expiry; memory
/// does not). Refusals always take the full path and say why.
/// </summary>
public sealed class CachingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>How long an accepted token is taken on trust before its signature is checked again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Beyond this many remembered tokens the memory is emptied; a bound, not an LRU.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_accepted.TryGetValue(token, out var accepted))
        {
            if (accepted.TrustedUntil > now && accepted.Expires > now && await IsPublishedAsync(accepted.KeyId, validationParameters))
            {
                // A fresh identity each time: the caller's pipeline may add claims to it.
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = accepted.Identity.Clone(),
                    SecurityToken = accepted.Token,
                    Issuer = accepted.Token.Issuer,
                };
            }

            _accepted.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && result.ClaimsIdentity is { } identity)
        {
            if (_accepted.Count >= Capacity)
            {
                _accepted.Clear();
            }

            _accepted[token] = new Accepted(identity.Clone(), jwt, jwt.Kid, jwt.ValidTo, now + Lifetime);
        }

        return result;
    }

    /// <summary>
    /// The keys come either with the parameters or, as JwtBearer passes them, from the configuration
    /// manager, which answers from its cached JWKS and refetches it on its own schedule.
    /// </summary>
    private static async ValueTask<bool> IsPublishedAsync(string keyId, TokenValidationParameters parameters)
    {
        if (parameters.IssuerSigningKey?.KeyId == keyId || Contains(parameters.IssuerSigningKeys, keyId))
        {
            return true;
        }

        return parameters.ConfigurationManager is { } manager
            && Contains((await manager.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys, keyId);
    }

    private static bool Contains(IEnumerable<SecurityKey>? keys, string keyId)
    {
        foreach (var key in keys ?? [])
        {
            if (key.KeyId == keyId)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Accepted(ClaimsIdentity Identity, JsonWebToken Token, string KeyId, DateTime Expires, DateTime TrustedUntil);
}
