namespace Repitbot.Notification.Preferences;

/// <summary>What a person chose about being notified; a missing row means the defaults.</summary>
public sealed class Preference
{
    public Guid UserId { get; set; }
    public bool EmailEnabled { get; set; } = true;
    public bool TelegramEnabled { get; set; } = true;
    /// <summary>Why a channel was switched off by the service (a permanent delivery failure), if it was.</summary>
    public string? EmailDisabledReason { get; set; }
    public string? TelegramDisabledReason { get; set; }
    public List<string> OptedOutTypes { get; set; } = [];
    /// <summary>Null: the language from the person's profile.</summary>
    public string? Locale { get; set; }
    /// <summary>Null: the time zone from the person's profile.</summary>
    public string? TimeZone { get; set; }
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietTo { get; set; }
    public bool DailyDigest { get; set; }
    /// <summary>Local hour the digest goes out.</summary>
    public int DigestHour { get; set; } = 9;
    public DateTimeOffset UpdatedAt { get; set; }
}
