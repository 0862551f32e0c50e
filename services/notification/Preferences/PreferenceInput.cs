using System.Globalization;
using Repitbot.Notification.Names;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Preferences;

/// <summary>Applies a PUT body to stored preferences, naming every field that is wrong.</summary>
internal static class PreferenceInput
{
    public static Dictionary<string, string[]> Apply(PreferenceRequest request, Preference target)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Locale is not null && !Channels.Locales.Contains(request.Locale))
        {
            errors["locale"] = ["Must be ru or en."];
        }

        if (request.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
        {
            errors["timeZone"] = [$"'{request.TimeZone}' is not an IANA time zone (e.g. Europe/Moscow)."];
        }

        if (request.OptedOutTypes?.FirstOrDefault(t => NotificationTypes.Find(t) is null) is { } unknown)
        {
            errors["optedOutTypes"] = [$"Unknown notification type '{unknown}'."];
        }

        var from = ParseTime(request.QuietHoursFrom, "quietHoursFrom", errors);
        var to = ParseTime(request.QuietHoursTo, "quietHoursTo", errors);
        if ((from is null) != (to is null) && !errors.ContainsKey("quietHoursFrom") && !errors.ContainsKey("quietHoursTo"))
        {
            errors[from is null ? "quietHoursFrom" : "quietHoursTo"] = ["Quiet hours need both a start and an end."];
        }

        if (request.DigestHour is < 0 or > 23)
        {
            errors["digestHour"] = ["Must be an hour from 0 to 23."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        target.EmailEnabled = request.EmailEnabled ?? target.EmailEnabled;
        target.TelegramEnabled = request.TelegramEnabled ?? target.TelegramEnabled;
        // Switching a channel back on is the person saying the address works again.
        target.EmailDisabledReason = request.EmailEnabled == true ? null : target.EmailDisabledReason;
        target.TelegramDisabledReason = request.TelegramEnabled == true ? null : target.TelegramDisabledReason;
        target.OptedOutTypes = request.OptedOutTypes ?? target.OptedOutTypes;
        target.Locale = request.Locale ?? target.Locale;
        target.TimeZone = request.TimeZone ?? target.TimeZone;
        if (request.QuietHoursFrom is not null || request.QuietHoursTo is not null)
        {
            // Both empty strings clear quiet hours; leaving both out keeps them.
            (target.QuietFrom, target.QuietTo) = (from, to);
        }

        target.DailyDigest = request.DailyDigest ?? target.DailyDigest;
        target.DigestHour = request.DigestHour ?? target.DigestHour;
        return errors;
    }

    private static TimeOnly? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[field] = ["Must be a local time as HH:mm."];
        return null;
    }
}
