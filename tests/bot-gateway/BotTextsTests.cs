using System.Text.Json;
using Repitbot.BotGateway.Bot;
using Repitbot.Hosting.Text;

namespace Repitbot.BotGateway.Tests;

/// <summary>What the bot says comes from one JSON file per language, and a missing translation stops the start.</summary>
public sealed class BotTextsTests
{
    [Fact]
    public void Both_languages_have_every_text_and_the_bot_reads_them_from_their_files()
    {
        var russian = Book("ru");
        var english = Book("en");
        Assert.Equal(russian.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(russian, t => Assert.Equal(t.Value, Texts.Get("ru", t.Key)));
        Assert.All(english, t => Assert.Equal(t.Value, Texts.Get("en", t.Key)));
        Assert.Equal("👋 С возвращением, Ольга!", Texts.Get("ru", "welcome_back", "Ольга"));
        Assert.Equal("👋 Welcome back, Olga!", Texts.Get("en", "welcome_back", "Olga"));
    }

    [Fact]
    public void A_text_missing_in_one_language_is_named_when_the_files_are_loaded()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            WordFiles.Load(typeof(BotTextsTests).Assembly, "Repitbot.BotGateway.Tests.BrokenTexts.", "ru", "en"));
        Assert.Contains("en:only_ru", ex.Message, StringComparison.Ordinal);

        var absent = Assert.Throws<InvalidOperationException>(() =>
            WordFiles.Load(typeof(BotTextsTests).Assembly, "Repitbot.BotGateway.Tests.BrokenTexts.", "ru", "de"));
        Assert.Contains("BrokenTexts.de.json", absent.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Book(string language)
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream($"Repitbot.BotGateway.Bot.Texts.{language}.json");
        Assert.NotNull(stream);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }
}
