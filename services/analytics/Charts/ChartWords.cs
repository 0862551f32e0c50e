using System.Text.Json;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// The words charts and reports use, one JSON file per language (<c>Charts/Words/ru.json</c>, <c>en.json</c>,
/// embedded in the assembly) so a translator edits one file. Read once; <see cref="Validate"/> runs at start,
/// so a file that is missing, unreadable or lacks a key the Russian one has stops the service there, not
/// in a reader's request.
/// </summary>
internal static class ChartWords
{
    public static readonly IReadOnlyDictionary<string, string> Russian = Load("ru");

    public static readonly IReadOnlyDictionary<string, string> English = Load("en");

    public static void Validate()
    {
        var missing = Russian.Keys.Except(English.Keys).Select(k => $"en:{k}")
            .Concat(English.Keys.Except(Russian.Keys).Select(k => $"ru:{k}")).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Chart words missing in a language: {string.Join(", ", missing)}.");
        }
    }

    private static Dictionary<string, string> Load(string language)
    {
        var name = $"Repitbot.Analytics.Charts.Words.{language}.json";
        using var stream = typeof(ChartWords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart words resource {name} is not in the assembly.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The chart words resource {name} is empty.");
    }
}
