using System.Globalization;

namespace Repitbot.Notification.Templates;

/// <summary>Formats an instant as the recipient reads a date: their time zone, their language.</summary>
public static class LocalTime
{
    public static string Format(DateTimeOffset instant, string timeZone, string locale)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var culture = CultureInfo.GetCultureInfo(locale == "en" ? "en-GB" : "ru-RU");
        return local.ToString("d MMMM yyyy, HH:mm", culture);
    }
}
