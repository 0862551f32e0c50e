using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Hosting.Auth;

/// <summary>Signs access tokens with the gateway's key. The gateway issues them; tests mint their own.</summary>
public sealed class AccessTokenFactory(ECDsaSecurityKey key, string issuer, string audience, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(string subject, string role, TimeSpan lifetime, IEnumerable<Claim>? extraClaims = null,
        DateTimeOffset? notBefore = null)
    {
        var now = clock.GetUtcNow();
        var claims = new List<Claim> { new(RepitbotClaims.Subject, subject), new(RepitbotClaims.Role, role) };
        claims.AddRange(extraClaims ?? []);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = (notBefore ?? now).UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            // The key id goes into the header from the key itself.
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
