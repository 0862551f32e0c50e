using System.Globalization;

namespace Repitbot.Hosting.Text;

/// <summary>
/// Money as a reader of a language writes it, the one formatter for every text the suite sends:
/// ru "1 500,00 ₽" (no-break spaces, so Telegram and mail never wrap inside an amount), en "₽1,500.00".
/// A currency without a known sign keeps its ISO code: ru "1 500,00 KZT", en "KZT 1,500.00".
/// </summary>
public static class MoneyText
{
    private const char NoBreakSpace = '\u00A0';

    private static readonly Dictionary<string, string> Signs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RUB"] = "₽", ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£",
    };

    private static readonly NumberFormatInfo Russian = new()
    {
        NumberGroupSeparator = NoBreakSpace.ToString(), NumberDecimalSeparator = ",", NegativeSign = "−",
    };

    private static readonly NumberFormatInfo English = new()
    {
        NumberGroupSeparator = ",", NumberDecimalSeparator = ".", NegativeSign = "-",
    };

    /// <summary><paramref name="minorUnits"/> (kopecks, cents) of <paramref name="currency"/> in <paramref name="locale"/> ("ru" or "en"; anything else reads as ru).</summary>
    public static string Format(long minorUnits, string currency, string locale)
    {
        var english = IsEnglish(locale);
        var number = (Math.Abs(minorUnits) / 100m).ToString("#,0.00", english ? English : Russian);
        var sign = minorUnits < 0 ? (english ? English : Russian).NegativeSign : "";
        var code = currency.Trim().ToUpperInvariant();
        if (english)
        {
            return Signs.TryGetValue(code, out var symbol) ? $"{sign}{symbol}{number}" : $"{sign}{code} {number}";
        }

        return $"{sign}{number}{NoBreakSpace}{Signs.GetValueOrDefault(code, code)}";
    }

    /// <inheritdoc cref="Format(long, string, string)"/>
    public static string Format(long minorUnits, string currency, CultureInfo culture) =>
        Format(minorUnits, currency, culture.TwoLetterISOLanguageName);

    private static bool IsEnglish(string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
