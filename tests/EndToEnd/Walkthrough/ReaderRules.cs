using System.Text.RegularExpressions;

namespace Repitbot.EndToEnd.Walkthrough;

/// <summary>
/// What a person must never read: the rules the walk checks every text against, each named so a failure
/// says which one and where. Addresses (links, e-mail) are taken out first: their letters are not words.
/// </summary>
public static partial class ReaderRules
{
    private sealed record Rule(string Name, Regex Pattern, Reader[] AppliesTo, Func<string, bool>? IsFault = null);

    private static readonly Reader[] People = [Reader.Russian, Reader.Operator, Reader.English];
    private static readonly Reader[] Russians = [Reader.Russian, Reader.Operator];

    private static readonly Rule[] Rules =
    [
        new("a JSON key (camelCase word)", CamelCase(), People),
        new("a JSON null", JsonNull(), People),
        new("a UUID", Uuid(), [.. People, Reader.Integrator]),
        new("a raw ISO timestamp", IsoTimestamp(), People),
        new("UTC instead of the reader's zone", Utc(), [Reader.Russian, Reader.English]),
        new("an empty name", EmptyName(), Russians),
        new("an empty name", EmptyNameEnglish(), [Reader.English]),
        new("punctuation after nothing (a value left out)", OrphanPunctuation(), People),
        new("an ISO currency code in Russian text", CurrencyCode(), Russians),
        new("money not written as «1 500,00 ₽»", Amount(), Russians, a => !RussianMoney().IsMatch(NumberPart(a))),
        new("a number with a decimal point in Russian text", DecimalPoint(), Russians),
        new("money not written as «₽1,500.00»", Amount(), [Reader.English], a => !EnglishMoney().IsMatch(NumberPart(a))),
        new("Russian words in English text", Cyrillic(), [Reader.English]),
        new("a plural after one", PluralAfterOne(), [Reader.English]),
        new("minutes written as a prime (60′)", Prime(), People),
        new("a template or format placeholder", Placeholder(), People),
    ];

    /// <summary>
    /// One line per broken rule: the rule, who read it and the text around the fault. People's own
    /// <paramref name="names"/> are taken out first: a Russian name in an English sentence is right.
    /// </summary>
    public static List<string> Check(IEnumerable<TranscriptLine> lines, IReadOnlyCollection<string> names)
    {
        var faults = new List<string>();
        foreach (var line in lines.Where(l => l.Reader != Reader.Action))
        {
            var text = names.Aggregate(Address().Replace(line.Text, "‹address›"), (t, name) => t.Replace(name, "‹name›", StringComparison.Ordinal));
            foreach (var rule in Rules.Where(r => r.AppliesTo.Contains(line.Reader)))
            {
                foreach (var match in rule.Pattern.Matches(text).Where(m => rule.IsFault?.Invoke(m.Value) ?? true))
                {
                    var from = Math.Max(0, match.Index - 40);
                    var around = text.Substring(from, Math.Min(text.Length - from, match.Length + 80)).ReplaceLineEndings("⏎");
                    faults.Add($"{rule.Name} «{match.Value}» — {line.Who} [{line.Channel}]: …{around}…");
                }
            }
        }

        return faults;
    }

    // Links, e-mail addresses and file names carry letters that are not words for a reader.
    [GeneratedRegex(@"(https?://|t\.me/)\S+|[\w.+-]+@[\w.-]+\w|\b[\w-]+\.(pdf|png|csv)\b")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"(:\s*null\b|\bnull\b)")]
    private static partial Regex JsonNull();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b|\b[0-9a-f]{32}\b")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"\b(UTC|GMT)\b")]
    private static partial Regex Utc();

    // "Ученик: " at the end of a line, "для ,", "ученика ." — a name that should have been there.
    [GeneratedRegex(@"(?i)\b(ученик|ученика|ученику|учеником|репетитор|репетитора|репетитору|родитель|родителя|для|имя|название|задание):[ \u00A0]*([,.!?;)]|\n|$)", RegexOptions.Multiline)]
    private static partial Regex EmptyName();

    [GeneratedRegex(@"(?i)\b(student|tutor|parent|for|of|name|title|task):[ \u00A0]*([,.!?;)]|\n|$)", RegexOptions.Multiline)]
    private static partial Regex EmptyNameEnglish();

    // A space before a comma or a full stop, or two punctuation marks around nothing: "для , ", "( )", ", ,".
    [GeneratedRegex(@"[ \u00A0][,.;!?](?!\.)|\(\s*\)|,\s*,|:\s*[,.]")]
    private static partial Regex OrphanPunctuation();

    [GeneratedRegex(@"\b(RUB|USD|EUR|руб\.?)\b")]
    private static partial Regex CurrencyCode();

    /// <summary>The amount itself: a run of digits and separators ends at ", " or ". " (a number never has one).</summary>
    private static string NumberPart(string amount) => SentenceBreak().Split(amount)[^1];

    // An amount with a currency sign on either side, digits and separators around it.
    [GeneratedRegex(@"[₽$€£][\d.,\u00A0\u202F ]*\d|\d[\d.,\u00A0\u202F ]*[₽$€£]")]
    private static partial Regex Amount();

    // Text extracted from a PDF has plain spaces for no-break ones, and a table's columns apart by several.
    [GeneratedRegex(@"[.,][\u00A0\u202F ]|[ \u00A0]{2,}")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^−?\d{1,3}([\u00A0\u202F ]\d{3})*,\d{2}[\u00A0\u202F ][₽$€£]$")]
    private static partial Regex RussianMoney();

    [GeneratedRegex(@"^-?[₽$€£]\d{1,3}(,\d{3})*\.\d{2}$")]
    private static partial Regex EnglishMoney();

    // "1500.00", "83.5 %", "2.5 ч": a decimal point where Russian writes a comma (dates such as 25.11 are left alone).
    [GeneratedRegex(@"(?<![\d.])(\d{4,}\.\d{2}|\d+\.\d+[\u00A0 ]?(%|₽|ч\b|час|мин))(?![\d.])")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"(?<![\d.,])\b1 (lessons|students|payments|days|hours|minutes)\b")]
    private static partial Regex PluralAfterOne();

    [GeneratedRegex(@"\d+[′']")]
    private static partial Regex Prime();

    [GeneratedRegex(@"[А-Яа-яЁё]+")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\{\{|\}\}|\{%|%\}|\{\d+\}")]
    private static partial Regex Placeholder();
}
