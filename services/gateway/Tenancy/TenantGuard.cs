using System.Security.Claims;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tenancy;

/// <summary>
/// The gateway's share of tenant scoping (each service enforces it again with <see cref="TutorScope"/>):
/// a tutor may name only themselves as <c>tutorId</c>, a student only themselves as <c>studentId</c> or
/// <c>userId</c>, in any spelling (<c>TutorId</c>, <c>tutor_id</c>) and in every copy of a repeated
/// parameter. Admins and services may name anyone. Bodies are not read here: the services check them.
/// </summary>
public static class TenantGuard
{
    public static bool Allows(ClaimsPrincipal user, IQueryCollection query)
    {
        if (query.Count == 0 || user.Identity?.IsAuthenticated != true || user.IsAdminOrService())
        {
            return true;
        }

        var isTutor = user.IsInRole(Roles.Tutor);
        var isStudent = user.IsInRole(Roles.Student);
        var own = user.UserId();
        foreach (var (key, values) in query)
        {
            var name = Normalize(key);
            var namesOwner = (isTutor && name == "tutorid") || (isStudent && name is "studentid" or "userid");
            if (!namesOwner)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (own is null || !Guid.TryParse(value, out var named) || named != own)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Normalize(string key) =>
        key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
