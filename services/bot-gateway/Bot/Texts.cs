using System.Globalization;
using Repitbot.Hosting.Text;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// Everything the bot says, one JSON file per language (<c>Bot/Texts/ru.json</c>, <c>en.json</c>, embedded in the
/// assembly; <see cref="WordFiles"/>), so a translator edits one file. Arguments are escaped by the caller.
/// </summary>
public static class Texts
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Books =
        WordFiles.Load(typeof(Texts).Assembly, "Repitbot.BotGateway.Bot.Texts.", "ru", "en");

    /// <summary>Loads the files now (a missing file or key stops the start).</summary>
    public static void Validate() => _ = Books.Count;

    public static string Get(string locale, string key, params object?[] args)
    {
        var template = Books[locale == "en" ? "en" : "ru"].TryGetValue(key, out var text) ? text : key;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
