using System.Security.Claims;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tokens;

/// <summary>Signs access tokens for the /auth endpoints and counts them by grant.</summary>
public sealed class TokenIssuer(AccessTokenFactory factory, IOptions<TokenOptions> options)
{
    public const string SessionClaim = "sid";
    public const string TelegramClaim = "telegram_id";

    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    public string Issue(string grant, string subject, string role, IEnumerable<Claim>? extraClaims = null)
    {
        GatewayMetrics.TokensIssued.WithLabels(grant).Inc();
        return factory.Create(subject, role, Lifetime, extraClaims);
    }

    public TokenResponse Response(string accessToken, string? refreshToken = null, string? scope = null) =>
        new(accessToken, "Bearer", (int)Lifetime.TotalSeconds, refreshToken, scope);
}
