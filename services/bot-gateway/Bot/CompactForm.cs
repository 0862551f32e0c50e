using System.Globalization;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Bot;

/// <summary>Parsers for the typed forms: dates and times in the user's zone, money, payment methods.</summary>
public static class CompactForm
{
    private static readonly string[] DateFormats = ["d.M", "d.M.yyyy", "d.M.yy", "yyyy-M-d"];

    public static string[] Words(string? text) =>
        (text ?? "").Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// "25.11 18:00" in <paramref name="timeZone"/>; without a year, the next such day (today counts).
    /// </summary>
    public static DateTimeOffset? ParseDateTime(string date, string time, string timeZone, DateTimeOffset now)
    {
        if (!TimeOnly.TryParseExact(time, ["H:mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return null;
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        DateTime local;
        if (DateTime.TryParseExact(date, "d.M", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayOnly))
        {
            local = new DateTime(localNow.Year, dayOnly.Month, dayOnly.Day, clock.Hour, clock.Minute, 0, DateTimeKind.Unspecified);
            if (local.Date < localNow.Date)
            {
                local = local.AddYears(1);
            }
        }
        else if (DateTime.TryParseExact(date, DateFormats[1..], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            local = DateTime.SpecifyKind(day.Date + clock.ToTimeSpan(), DateTimeKind.Unspecified);
        }
        else
        {
            return null;
        }

        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // A clock skipped forward: the first valid minute after.
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Format(DateTimeOffset at, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var z) ? z : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"2000", "2000.50" or "2000,50" in major units → minor units.</summary>
    public static long? ParseMoney(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major)
        && major > 0 && major < 100_000_000 && decimal.Round(major, 2) == major
            ? (long)(major * 100)
            : null;

    public static PaymentMethod? ParseMethod(string word) => word.ToLowerInvariant() switch
    {
        "cash" or "наличные" or "нал" => PaymentMethod.Cash,
        "card" or "карта" => PaymentMethod.Card,
        "transfer" or "перевод" => PaymentMethod.Transfer,
        "online" or "онлайн" => PaymentMethod.Online,
        "other" or "другое" => PaymentMethod.Other,
        _ => null,
    };

    public static string MethodName(PaymentMethod method, string locale) => locale == "en"
        ? method.ToString().ToLowerInvariant()
        : method switch
        {
            PaymentMethod.Cash => "наличные",
            PaymentMethod.Card => "карта",
            PaymentMethod.Transfer => "перевод",
            PaymentMethod.Online => "онлайн",
            _ => "другое",
        };
}
