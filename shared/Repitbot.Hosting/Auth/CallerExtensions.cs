using System.Security.Claims;

namespace Repitbot.Hosting.Auth;

public static class CallerExtensions
{
    /// <summary>The caller's user id (the token's <c>sub</c>), or null when it is not a Guid (API clients).</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(RepitbotClaims.Subject), out var id) ? id : null;

    public static bool IsAdminOrService(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Service);
}
