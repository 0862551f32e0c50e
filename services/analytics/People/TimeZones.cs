using System.Security.Claims;
using Repitbot.Analytics.ReadSide;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.People;

/// <summary>
/// The <c>tz</c> parameter: an IANA time zone id (PostgreSQL and .NET both know the IANA database; Windows
/// ids are refused, PostgreSQL would not know them). Absent: the caller's time zone from their profile
/// events, else the tutor's, else UTC.
/// </summary>
public static class TimeZones
{
    public const string Utc = "UTC";

    /// <summary>The canonical id, or null when <paramref name="tz"/> is not an IANA time zone.</summary>
    public static string? Normalize(string tz) => !string.IsNullOrWhiteSpace(tz)
        && TimeZoneInfo.TryFindSystemTimeZoneById(tz.Trim(), out var zone) && zone.HasIanaId ? zone.Id : null;

    public static string Error(string tz) =>
        $"'{tz}' is not a known IANA time zone id (for example Europe/Moscow or UTC).";

    /// <summary>
    /// The time zone to use: <paramref name="tz"/> when given (null when it is not valid), else the first of
    /// <paramref name="people"/> whose profile names a valid one, else UTC.
    /// </summary>
    public static Task<string?> ForRequestAsync(string? tz, ClaimsPrincipal user, AnalyticsScope scope, Profiles profiles,
        CancellationToken cancellationToken) =>
        ResolveAsync(tz, [user.UserId(), scope.StudentId, scope.TutorId], profiles, cancellationToken);

    public static async Task<string?> ResolveAsync(string? tz, IEnumerable<Guid?> people, Profiles profiles,
        CancellationToken cancellationToken)
    {
        if (tz is not null)
        {
            return Normalize(tz);
        }

        var ids = people.OfType<Guid>().Distinct().ToList();
        return await profiles.TimeZoneAsync(ids, cancellationToken) ?? Utc;
    }
}
