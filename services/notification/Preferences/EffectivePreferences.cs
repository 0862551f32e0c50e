using Repitbot.Notification.People;

namespace Repitbot.Notification.Preferences;

/// <summary>A person's stored choices over their profile's language and time zone.</summary>
public sealed record EffectivePreferences(Preference Stored, string Locale, TimeZoneInfo Zone)
{
    public static EffectivePreferences For(Recipient recipient, Preference? stored)
    {
        var preference = stored ?? new Preference { UserId = recipient.UserId };
        var zoneId = preference.TimeZone ?? recipient.TimeZone;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new EffectivePreferences(preference, preference.Locale ?? recipient.Locale, zone);
    }

    public PreferenceView ToView() => new(Stored.EmailEnabled, Stored.TelegramEnabled, Stored.OptedOutTypes, Locale, Zone.Id,
        Stored.QuietFrom?.ToString("HH:mm"), Stored.QuietTo?.ToString("HH:mm"), Stored.DailyDigest, Stored.DigestHour,
        Stored.EmailDisabledReason, Stored.TelegramDisabledReason);
}
