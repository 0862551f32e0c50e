using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repitbot.LoadTester.Output;

public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(ScenarioResult result, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Options));
    }

    public static ScenarioResult? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ScenarioResult>(File.ReadAllText(path), Options) : null;
}
