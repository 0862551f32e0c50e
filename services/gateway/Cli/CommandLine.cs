namespace Repitbot.Gateway.Cli;

/// <summary>Reads <c>--name value</c> pairs; only the names given may appear, and only <paramref name="repeatable"/> ones twice.</summary>
public static class CommandLine
{
    public static (Dictionary<string, List<string>> Values, string? Error) Parse(IReadOnlyList<string> args,
        IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? repeatable = null)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!allowed.Contains(args[i]))
            {
                return (values, $"unknown argument '{args[i]}'");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (values, $"{args[i]} needs a value");
            }

            if (values.TryGetValue(args[i], out var list) && repeatable?.Contains(args[i]) != true)
            {
                return (values, $"{args[i]} is given twice");
            }

            (values.TryGetValue(args[i], out list) ? list : values[args[i]] = []).Add(args[i + 1]);
        }

        return (values, null);
    }

    public static string? One(this Dictionary<string, List<string>> values, string name) =>
        values.TryGetValue(name, out var list) ? list[0] : null;
}
