using System.Globalization;
using Repitbot.Hosting.Text;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// Words, dates and money in the reader's language. Russian first (the product's users), English
/// second; anything else falls back to Russian.
/// </summary>
public sealed class ChartText
{
    public static readonly IReadOnlyList<string> Supported = ["ru", "en"];

    private ChartText(string locale, IReadOnlyDictionary<string, string> words)
    {
        Locale = locale;
        Culture = CultureInfo.GetCultureInfo(locale == "en" ? "en-GB" : "ru-RU");
        _words = words;
    }

    private readonly IReadOnlyDictionary<string, string> _words;

    public string Locale { get; }

    public CultureInfo Culture { get; }

    public static ChartText Russian { get; } = new("ru", ChartWords.Russian);

    public static ChartText English { get; } = new("en", ChartWords.English);

    public static ChartText For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Russian;

    /// <summary><c>locale=</c> wins; otherwise the first supported language in Accept-Language.</summary>
    public static ChartText For(string? locale, HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            return For(locale);
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(l => l is not null && Supported.Any(s => l.StartsWith(s, StringComparison.OrdinalIgnoreCase)));
        return For(accepted);
    }

    public string this[string key] => _words.TryGetValue(key, out var word) ? word : key;

    public string Day(DateOnly day) => day.ToString(Locale == "en" ? "d MMM" : "d MMM", Culture).TrimEnd('.');

    public string LongDay(DateOnly day) => day.ToString("d MMMM yyyy", Culture);

    public string Month(DateOnly day) => day.ToString("LLL yyyy", Culture);

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    public string Percent(double? value) => value is { } v ? v.ToString("0.#", Culture) + " %" : "—";

    /// <summary>Minor units as every text of the suite writes money: "1 500,00 ₽", "₽1,500.00".</summary>
    public string Money(double minor, string currency) => MoneyText.Format((long)Math.Round(minor), currency, Culture);

    /// <summary>An axis tick: "5 000" in Russian, "5,000" in English, and at most two decimals.</summary>
    public string AxisNumber(double value) => value.ToString("#,0.##", Culture);

    public string WeekdayShort(int mondayFirst) =>
        Culture.DateTimeFormat.AbbreviatedDayNames[(mondayFirst + 1) % 7];
}
