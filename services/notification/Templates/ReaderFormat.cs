using System.Globalization;

namespace Repitbot.Notification.Templates;

/// <summary>Formats instants and amounts as the reader reads them: their time zone, their language.</summary>
public static class ReaderFormat
{
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, string locale) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMMM yyyy, HH:mm", Culture(locale));

    /// <summary>Minor units to "2 000,00 ₽" (ru) or "₽2,000.00" (en), as everything else the suite sends.</summary>
    public static string Money(long minor, string currency, string locale) => Hosting.Text.MoneyText.Format(minor, currency, locale);

    /// <summary>
    /// How long before a lesson a reminder comes, to the minute: "24 ч", "1 ч 30 мин", "30 мин" (ru) or "24 h",
    /// "1 h 30 min", "30 min" (en); under a minute, in seconds. A number of hours alone read "0.5 h" for a half-hour
    /// reminder and "0 h" for one a minute ahead.
    /// </summary>
    public static string Lead(TimeSpan lead, string locale)
    {
        var (hour, minute, second) = locale == "en" ? ("h", "min", "s") : ("ч", "мин", "с");
        if (lead < TimeSpan.FromSeconds(59.5))
        {
            return $"{Math.Max(0, (int)Math.Round(lead.TotalSeconds))}\u00A0{second}";
        }

        var minutes = (long)Math.Round(lead.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest}\u00A0{minute}",
            (_, 0) => $"{hours}\u00A0{hour}",
            _ => $"{hours}\u00A0{hour} {rest}\u00A0{minute}",
        };
    }

    private static CultureInfo Culture(string locale) => CultureInfo.GetCultureInfo(locale == "en" ? "en-GB" : "ru-RU");
}
