using System.Globalization;
using System.Security.Claims;
using Repitbot.Gateway.Data;
using Repitbot.Gateway.Tokens;

namespace Repitbot.Gateway.Sessions;

public static class SessionClaims
{
    /// <summary>The session id (so a service can tell sign-ins apart) and, for Telegram sign-ins, the Telegram user id.</summary>
    public static IEnumerable<Claim> For(RefreshFamily family)
    {
        yield return new Claim(TokenIssuer.SessionClaim, family.Id.ToString());
        if (family.TelegramUserId is { } telegramId)
        {
            yield return new Claim(TokenIssuer.TelegramClaim, telegramId.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
        }
    }
}
