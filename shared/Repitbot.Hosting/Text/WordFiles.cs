using System.Reflection;
using System.Text.Json;

namespace Repitbot.Hosting.Text;

/// <summary>
/// What a service says to people, one JSON file of key → text per language, embedded in its assembly, so a
/// translator edits one file per language and no code. <see cref="Load"/> reads every language at once and fails
/// when a file is missing or the languages do not hold the same keys: a service calls it at start, so a
/// missing translation stops the start, never a reader's request.
/// </summary>
public static class WordFiles
{
    /// <param name="resourcePrefix">The files' logical resource names without the language ("Repitbot.Analytics.Charts.Words.").</param>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Load(Assembly assembly, string resourcePrefix,
        params string[] languages)
    {
        var books = languages.ToDictionary(language => language,
            IReadOnlyDictionary<string, string> (language) => Read(assembly, $"{resourcePrefix}{language}.json"));
        var keys = books.Values.SelectMany(book => book.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = books.SelectMany(book => keys.Except(book.Value.Keys).Order(StringComparer.Ordinal).Select(key => $"{book.Key}:{key}")).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Texts missing in a language ({resourcePrefix}*.json): {string.Join(", ", missing)}.");
        }

        return books;
    }

    private static Dictionary<string, string> Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The text resource {name} is not in {assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The text resource {name} is empty.");
    }
}
