namespace Repitbot.LoadTester.Output;

/// <summary>One run as the JSON file and the tables show it. Latencies are milliseconds.</summary>
public sealed record ScenarioResult
{
    public required string Scenario { get; init; }
    public required string Label { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public double? RatePerSecond { get; init; }
    public long Planned { get; init; }
    public double ElapsedSeconds { get; init; }
    public string? Target { get; init; }
    public string Machine { get; init; } = MachineInfo.Describe();
    public List<RowResult> Rows { get; init; } = [];
}

public sealed record RowResult
{
    public required string Name { get; init; }
    public long Count { get; init; }
    public long Succeeded { get; init; }
    public long Failed { get; init; }
    /// <summary>Successes per second over the run's window.</summary>
    public double? ThroughputPerSecond { get; init; }
    public LatencySummary? LatencyMs { get; init; }
    public Dictionary<string, long> ErrorKinds { get; init; } = [];
    /// <summary>Why a figure is missing or what it means ("endpoint not available (404)").</summary>
    public string? Note { get; init; }
    /// <summary>Figures particular to the row (e.g. "http429", "capPerSecond").</summary>
    public Dictionary<string, double> Extra { get; init; } = [];
}

public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max, double Mean);
