using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Report;

/// <summary>The JSON results of one bench run, by file name (without .json).</summary>
public sealed class ResultSet(string folder)
{
    private readonly Dictionary<string, ScenarioResult?> _cache = new(StringComparer.Ordinal);

    public IEnumerable<ScenarioResult> All => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => Get(Path.GetFileNameWithoutExtension(f))).OfType<ScenarioResult>()
        : [];

    public ScenarioResult? Get(string name)
    {
        if (!_cache.TryGetValue(name, out var result))
        {
            _cache[name] = result = JsonReport.Read(Path.Combine(folder, name + ".json"));
        }

        return result;
    }

    public RowResult? Row(string result, string row) => Get(result)?.Rows.FirstOrDefault(r => r.Name == row);
}
