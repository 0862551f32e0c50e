using System.Globalization;

namespace Repitbot.LoadTester.Cli;

/// <summary>
/// A parsed command line: the command (a scenario's name or a tool command), its positional arguments
/// and its options. Typed accessors turn a bad value into a <see cref="UsageException"/> naming the option.
/// </summary>
public sealed class CommandLine(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> options,
    Func<string, string?> environment)
{
    public string Command { get; } = command;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) =>
        options.TryGetValue(name, out var value) ? value
        : OptionSpec.Find(name)?.Environment is { } variable && environment(variable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : null;

    public string Require(string name) =>
        Get(name) ?? throw new UsageException($"--{name} is required for {Command}"
            + (OptionSpec.Find(name)?.Environment is { } v ? $" (or set {v})" : ""));

    public long GetLong(string name, long fallback, long min = 1, long max = long.MaxValue)
    {
        if (Get(name) is not { } text)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number between {min} and {max}, not '{text}'");
    }

    public double GetSeconds(string name, double fallback)
    {
        if (Get(name) is not { } text)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 86_400
            ? value
            : throw new UsageException($"--{name} must be a number of seconds above 0 and at most 86400, not '{text}'");
    }

    /// <summary>Arrivals per second; null means "max" (closed loop, limited by concurrency only).</summary>
    public double? GetRate(double fallback)
    {
        var text = Get("rate");
        if (text is null)
        {
            return fallback;
        }

        if (text == "max")
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1_000_000
            ? rate
            : throw new UsageException($"--rate must be a number above 0 and at most 1000000, or max, not '{text}'");
    }
}
