using System.Globalization;
using Repitbot.LoadTester.Cli;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// The endpoints api-reads knows, and a weighted mix of them. Picking is deterministic by operation
/// number (a weighted round robin), so two runs with the same mix send the same requests.
/// </summary>
public sealed class ReadMix
{
    public const string Default = "dashboard=60,chart=25,quick-report=15";

    private static readonly string[] Periods = ["7", "30", "90"];
    private static readonly string[] Charts = ["lessons-per-day", "attendance", "revenue"];
    private static readonly string[] QuickKinds = ["lesson", "payment", "student"];

    public static readonly IReadOnlyDictionary<string, Func<long, string>> Known = new Dictionary<string, Func<long, string>>
    {
        ["dashboard"] = i => $"api/v1/dashboard?days={Periods[Slot(i, Periods.Length)]}",
        ["chart"] = i => $"api/v1/charts/{Charts[Slot(i, Charts.Length)]}?days=30&format=png",
        ["quick-report"] = i => $"api/v1/reports/quick/{QuickKinds[Slot(i, QuickKinds.Length)]}?days=7&format=pdf",
    };

    private readonly string[] _wheel;

    private ReadMix(List<ReadEndpoint> endpoints)
    {
        Endpoints = endpoints;
        // Interleaved so that a short run still sees every endpoint in proportion: each endpoint's k-th slot sits
        // at (k + 0.5) / weight of the wheel, rather than dashboard×60 then chart×25.
        _wheel = endpoints.SelectMany(e => Enumerable.Range(0, e.Weight).Select(k => (e.Name, Order: (k + 0.5) / e.Weight)))
            .OrderBy(x => x.Order).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name).ToArray();
    }

    public IReadOnlyList<ReadEndpoint> Endpoints { get; }

    public ReadEndpoint Pick(long index) => Endpoints.First(e => e.Name == _wheel[Slot(index, _wheel.Length)]);

    /// <summary>index mod length, never negative (warm-up operations have negative numbers).</summary>
    private static int Slot(long index, int length) => (int)(((index % length) + length) % length);

    public static ReadMix Parse(string text)
    {
        var endpoints = new List<ReadEndpoint>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (!Known.TryGetValue(kv[0], out var path))
            {
                throw new UsageException($"--mix: unknown endpoint '{kv[0]}' (known: {string.Join(", ", Known.Keys)})");
            }

            var weight = 1;
            if (kv.Length == 2 && !(int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out weight) && weight is >= 1 and <= 1000))
            {
                throw new UsageException($"--mix: the weight of {kv[0]} must be a whole number from 1 to 1000, not '{kv[1]}'");
            }

            if (endpoints.Any(e => e.Name == kv[0]))
            {
                throw new UsageException($"--mix: {kv[0]} is given twice");
            }

            endpoints.Add(new ReadEndpoint(kv[0], weight, path));
        }

        return endpoints.Count > 0 ? new ReadMix(endpoints) : throw new UsageException("--mix names no endpoint");
    }
}

public sealed record ReadEndpoint(string Name, int Weight, Func<long, string> Path);
