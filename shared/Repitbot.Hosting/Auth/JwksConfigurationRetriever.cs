using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Hosting.Auth;

/// <summary>
/// Reads a bare JWKS document (the gateway's <c>/.well-known/jwks.json</c>) as the signing keys of an
/// OpenID configuration, so the JWT handler caches the keys and refetches them when it meets an
/// unknown key id (key rotation) without a full discovery document.
/// </summary>
internal sealed class JwksConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever,
        CancellationToken cancel)
    {
        var document = await retriever.GetDocumentAsync(address, cancel);
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in new JsonWebKeySet(document).GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
