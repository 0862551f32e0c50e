using Repitbot.Analytics.People;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// A tutor's time zone from <see cref="From"/> on, as one of their own profile events states it (registering as a
/// tutor, or changing their profile). <see cref="EventId"/> is that event's, so a redelivered event adds nothing.
/// </summary>
public sealed record TutorZone(Guid EventId, Guid TutorId, DateTimeOffset From, string TimeZone)
{
    /// <summary>The zone the event sets for its tutor, or null when it is not a tutor's own profile or names no IANA zone.</summary>
    public static TutorZone? Of(IDomainEvent e) => e switch
    {
        UserRegistered { Role: UserRole.Tutor } r when r.UserId == r.TutorId => Make(r, r.TimeZone),
        UserProfileChanged c when c.UserId == c.TutorId => Make(c, c.TimeZone),
        _ => null,
    };

    private static TutorZone? Make(IDomainEvent e, string? timeZone) =>
        timeZone is not null && TimeZones.Normalize(timeZone) is { } zone
            ? new TutorZone(e.EventId, e.TutorId, e.OccurredAt.ToUniversalTime(), zone)
            : null;
}
