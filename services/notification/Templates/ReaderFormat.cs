using System.Globalization;

namespace Repitbot.Notification.Templates;

/// <summary>Formats instants and amounts as the reader reads them: their time zone, their language.</summary>
public static class ReaderFormat
{
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, string locale) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMMM yyyy, HH:mm", Culture(locale));

    /// <summary>Minor units to "2 000,00 ₽" (ru) or "₽2,000.00" (en), as everything else the suite sends.</summary>
    public static string Money(long minor, string currency, string locale) => Hosting.Text.MoneyText.Format(minor, currency, locale);

    private static CultureInfo Culture(string locale) => CultureInfo.GetCultureInfo(locale == "en" ? "en-GB" : "ru-RU");
}
