using System.Security.Claims;

namespace Repitbot.Hosting.Auth;

/// <summary>Whose data a request may touch, decided from the token and never from the request alone.</summary>
public readonly record struct TutorScope(bool Allowed, Guid? TutorId)
{
    /// <summary>
    /// A tutor acts on their own data only (naming another tutor is refused); an admin or a service
    /// acts for the tutor it names, or for everyone when it names none.
    /// </summary>
    public static TutorScope For(ClaimsPrincipal user, Guid? requestedTutorId)
    {
        if (user.IsAdminOrService())
        {
            return new TutorScope(true, requestedTutorId);
        }

        if (user.IsInRole(Roles.Tutor) && user.UserId() is { } own
            && (requestedTutorId is null || requestedTutorId == own))
        {
            return new TutorScope(true, own);
        }

        return new TutorScope(false, null);
    }
}
