namespace Repitbot.Notification.Preferences;

/// <summary>Preferences as the API shows and takes them; times are local "HH:mm" in <see cref="TimeZone"/>.</summary>
public sealed record PreferenceView(bool EmailEnabled, bool TelegramEnabled, IReadOnlyList<string> OptedOutTypes,
    string Locale, string TimeZone, string? QuietHoursFrom, string? QuietHoursTo, bool DailyDigest, int DigestHour,
    string? EmailDisabledReason = null, string? TelegramDisabledReason = null);

public sealed record PreferenceRequest(bool? EmailEnabled, bool? TelegramEnabled, List<string>? OptedOutTypes,
    string? Locale, string? TimeZone, string? QuietHoursFrom, string? QuietHoursTo, bool? DailyDigest, int? DigestHour);
