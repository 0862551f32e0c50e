using System.Text.Json;
using Repitbot.Analytics.Charts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Chart and report words come from one JSON file per language, embedded in the service.</summary>
public sealed class ChartWordsTests
{
    [Fact]
    public void Both_languages_have_every_word_and_the_texts_read_them_from_their_files()
    {
        var russian = Words("ru");
        var english = Words("en");
        Assert.Equal(russian.Keys.Order(), english.Keys.Order());
        Assert.All(russian, w => Assert.Equal(w.Value, ChartText.Russian[w.Key]));
        Assert.All(english, w => Assert.Equal(w.Value, ChartText.English[w.Key]));
        Assert.Equal("Нет данных за выбранный период", ChartText.Russian["no-data"]);
        Assert.Equal("No data for the selected period", ChartText.English["no-data"]);
    }

    private static Dictionary<string, string> Words(string language)
    {
        using var stream = typeof(ChartText).Assembly.GetManifestResourceStream($"Repitbot.Analytics.Charts.Words.{language}.json");
        Assert.NotNull(stream);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }
}
