using System.Security.Claims;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// Whose events a read may see, decided from the token: a tutor their own, a student their own
/// progress (events that name them, across tutors), an admin or service anyone's or the tutor named.
/// </summary>
public sealed record AnalyticsScope(Guid? TutorId, Guid? StudentId)
{
    public bool IsStudent => StudentId is not null;

    /// <summary>Part of every cache key: two scopes that see different events never share an entry.</summary>
    public string Key => $"t:{TutorId?.ToString("N") ?? "all"}:s:{StudentId?.ToString("N") ?? "all"}";

    /// <summary>The Redis version counter the write side bumps when events of this scope arrive.</summary>
    public string VersionKey => TutorId is { } id && StudentId is null ? $"analytics:version:{id}" : "analytics:version:all";

    public static AnalyticsScope? For(ClaimsPrincipal user, Guid? requestedTutorId)
    {
        if (user.IsInRole(Roles.Student) && !user.IsAdminOrService() && !user.IsInRole(Roles.Tutor))
        {
            return user.UserId() is { } student ? new AnalyticsScope(requestedTutorId, student) : null;
        }

        var tutor = TutorScope.For(user, requestedTutorId);
        return tutor.Allowed ? new AnalyticsScope(tutor.TutorId, null) : null;
    }

    /// <summary>The SQL condition for this scope; parameters <c>@tutor</c> and <c>@student</c> are set by <see cref="EventSql"/>.</summary>
    public string Condition(string alias = "") =>
        $"{(TutorId is null ? "TRUE" : $"{alias}tutor_id = @tutor")} AND {(StudentId is null ? "TRUE" : $"{alias}student_id = @student")}";
}
