using System.Text.RegularExpressions;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// The metric names a PromQL expression reads and the label names it groups by or matches on. Enough
/// PromQL for the dashboards and rules here (selectors, functions, aggregations, binary operators), not a
/// parser: Prometheus itself checks the syntax.
/// </summary>
public static partial class PromQlNames
{
    private static readonly HashSet<string> Keywords =
        ["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2"];

    public static IReadOnlyList<string> Metrics(string expr)
    {
        var bare = Strip(expr);
        return [.. Identifier().Matches(bare).Select(m => m.Value).Where(n => !Keywords.Contains(n)).Distinct()];
    }

    /// <summary>Labels in <c>by (...)</c> and <c>without (...)</c>, and in selectors' matchers.</summary>
    public static IReadOnlyList<string> Labels(string expr)
    {
        var noStrings = StringLiteral().Replace(expr, "\"\"");
        var grouped = Grouping().Matches(noStrings).SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var matched = Matchers().Matches(noStrings).SelectMany(m => Matcher().Matches(m.Groups["matchers"].Value).Select(x => x.Groups["label"].Value));
        return [.. grouped.Concat(matched).Where(l => l != "__name__").Distinct()];
    }

    /// <summary>The expression without strings, matchers, ranges, groupings and function calls' names.</summary>
    private static string Strip(string expr)
    {
        var text = StringLiteral().Replace(expr, " ");
        text = Matchers().Replace(text, " ");
        text = Range().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = Modifier().Replace(text, " ");
        text = FunctionName().Replace(text, "(");
        return Number().Replace(text, " ");
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{(?<matchers>[^}]*)\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"(?<label>[a-zA-Z_]\w*)\s*(=~|!~|!=|=)")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b(on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"\b[a-zA-Z_]\w*\s*\(")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"\b\d+(\.\d+)?([eE][+-]?\d+)?\b")]
    private static partial Regex Number();

    [GeneratedRegex(@"[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
