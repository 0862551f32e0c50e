using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Preferences;

namespace Repitbot.Notification.Planning;

/// <summary>
/// What a rule decided: tell these people about this, with data made per reader (their language and time
/// zone). <paramref name="KeyBase"/> (the event id or the caller's key) makes planning it again a no-op.
/// </summary>
public sealed record PlannedNotification(string KeyBase, string Type, DateTimeOffset OccurredAt, IReadOnlyList<Guid> Recipients,
    Func<Reader, Dictionary<string, object?>> Data)
{
    public PlannedNotification(Guid eventId, string type, DateTimeOffset occurredAt, IReadOnlyList<Guid> recipients,
        Func<Reader, Dictionary<string, object?>> data)
        : this(eventId.ToString("N"), type, occurredAt, recipients, data)
    {
    }

    /// <summary>Not before this instant (reminders); null means now.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Rows withdrawn together, e.g. "lesson:{id}".</summary>
    public string? GroupKey { get; init; }

    /// <summary>Only this channel; null lets the type's rule choose.</summary>
    public NotificationChannel? Channel { get; init; }

    /// <summary>
    /// The first recipient must be known (the projection may lag the event, so the message is retried);
    /// others who are not known yet (a tutor who never registered) are skipped.
    /// </summary>
    public bool FirstRecipientRequired { get; init; } = true;
}

/// <summary>One reader of a notification, as their data is made for them.</summary>
public sealed record Reader(Recipient Person, EffectivePreferences Preferences)
{
    public string Locale => Preferences.Locale;

    public string Time(DateTimeOffset instant) => Templates.ReaderFormat.Time(instant, Preferences.Zone, Locale);

    /// <summary>
    /// Who the reader is to the student the message is about, the templates' <c>reader</c>: "student" (spoken to
    /// as "you"), "tutor", or "parent" (both told the student's name).
    /// </summary>
    public string RelationTo(Guid studentId) =>
        Person.UserId == studentId ? "student" : Person.Role == Contracts.UserRole.Tutor ? "tutor" : "parent";
}
