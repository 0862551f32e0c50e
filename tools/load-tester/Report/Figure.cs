namespace Repitbot.LoadTester.Report;

/// <summary>
/// One line of the benchmark table: a figure, the baseline it is judged against (measured in the same
/// run) and their ratio, and the target from ARCHITECTURE.md with whether it was met.
/// </summary>
public sealed record Figure(string Name, string Value, string? Baseline = null, double? Ratio = null, string? Target = null,
    bool? Met = null, string? Note = null);
