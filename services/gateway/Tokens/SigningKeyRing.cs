using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tokens;

/// <summary>The key the gateway signs with, and every key a token that is still valid may carry.</summary>
public sealed class SigningKeyRing
{
    private SigningKeyRing(ECDsaSecurityKey current, IEnumerable<ECDsaSecurityKey> previous)
    {
        Current = current;
        ValidationKeys = [current, .. previous];
    }

    public ECDsaSecurityKey Current { get; }

    /// <summary>The current key first, then the previous ones; published in the JWKS.</summary>
    public IReadOnlyList<ECDsaSecurityKey> ValidationKeys { get; }

    public static SigningKeyRing Load(TokenOptions options) =>
        new(SigningKey.LoadOrCreate(options.SigningKeyPath!), options.PreviousKeyPaths.Select(SigningKey.LoadOrCreate));
}
