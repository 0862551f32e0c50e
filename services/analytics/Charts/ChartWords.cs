using Repitbot.Hosting.Text;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// The words charts and reports use, one JSON file per language (<c>Charts/Words/ru.json</c>, <c>en.json</c>,
/// embedded in the assembly; <see cref="WordFiles"/>). Read once, when <see cref="Validate"/> runs at start.
/// </summary>
internal static class ChartWords
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Books =
        WordFiles.Load(typeof(ChartWords).Assembly, "Repitbot.Analytics.Charts.Words.", "ru", "en");

    public static IReadOnlyDictionary<string, string> Russian => Books["ru"];

    public static IReadOnlyDictionary<string, string> English => Books["en"];

    /// <summary>Loads the files now (a missing file or key stops the start).</summary>
    public static void Validate() => _ = Books.Count;
}
