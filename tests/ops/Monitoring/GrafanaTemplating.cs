using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repitbot.Ops.Monitoring;

/// <summary>
/// Fills in a PromQL panel query as Grafana does before it sends it to Prometheus: the interval macros
/// (from the dashboard's time range and the datasource's scrape interval, Grafana's own formulas) and the
/// dashboard's variables at their saved values, multi-value ones as a regex alternation.
/// </summary>
public sealed partial class GrafanaTemplating
{
    /// <summary>Grafana's default when a panel sets no maxDataPoints is its width in pixels; about this.</summary>
    private const int MaxDataPoints = 1000;

    private readonly Dictionary<string, Func<string?, string>> _values = new(StringComparer.Ordinal);

    public GrafanaTemplating(JsonElement dashboard, TimeSpan scrapeInterval)
    {
        var range = Range(dashboard);
        // Grafana: interval = max(min interval, rounded range / max data points), where the min interval is
        // the datasource's scrape interval; $__rate_interval = max($__interval + scrape, 4 × scrape).
        var interval = Max(scrapeInterval, RoundInterval(range / MaxDataPoints));
        var rateInterval = Max(interval + scrapeInterval, 4 * scrapeInterval);
        Builtin("__interval", Duration(interval));
        Builtin("__interval_ms", ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        Builtin("__rate_interval", Duration(rateInterval));
        Builtin("__range", $"{(long)range.TotalSeconds}s");
        Builtin("__range_s", ((long)range.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        Builtin("__range_ms", ((long)range.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        if (dashboard.TryGetProperty("templating", out var templating) && templating.TryGetProperty("list", out var variables))
        {
            foreach (var variable in variables.EnumerateArray())
            {
                var values = CurrentValues(variable);
                var multi = Flag(variable, "multi") || Flag(variable, "includeAll");
                _values[variable.GetProperty("name").GetString()!] = format => Format(values, multi, format);
            }
        }
    }

    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>The query as Grafana sends it; throws on a variable the dashboard does not define.</summary>
    public string Apply(string expr) => Reference().Replace(expr, m =>
    {
        var name = m.Groups["name"].Value;
        if (!_values.TryGetValue(name, out var value))
        {
            throw new InvalidOperationException($"${name} is neither a Grafana macro nor a variable of the dashboard: {expr}");
        }

        return value(m.Groups["format"].Success ? m.Groups["format"].Value : null);
    });

    private void Builtin(string name, string value) => _values[name] = _ => value;

    private static List<string> CurrentValues(JsonElement variable)
    {
        var name = variable.GetProperty("name").GetString();
        var current = variable.GetProperty("current").GetProperty("value");
        var values = current.ValueKind == JsonValueKind.Array
            ? current.EnumerateArray().Select(v => v.GetString()!).ToList()
            : [current.GetString()!];
        if (!values.Contains("$__all"))
        {
            return values;
        }

        // "All": the variable's allValue as it is, else every option but "All" itself.
        if (variable.TryGetProperty("allValue", out var all) && all.ValueKind == JsonValueKind.String && all.GetString() is { Length: > 0 } allValue)
        {
            return [AllValueMarker + allValue];
        }

        var options = variable.TryGetProperty("options", out var o) ? o.EnumerateArray().Select(x => x.GetProperty("value").GetString()!).Where(v => v != "$__all").ToList() : [];
        return options.Count > 0 ? options : throw new InvalidOperationException($"${name} is \"All\" with neither allValue nor options");
    }

    /// <summary>An allValue is a regex the author wrote; Grafana does not escape it.</summary>
    private const string AllValueMarker = "\u0001";

    private static string Format(List<string> values, bool multi, string? format)
    {
        if (values.Count == 1 && values[0].StartsWith(AllValueMarker, StringComparison.Ordinal))
        {
            return values[0][1..];
        }

        return format switch
        {
            "raw" => string.Join(',', values),
            "csv" => string.Join(',', values),
            "pipe" => string.Join('|', values),
            "regex" => values.Count == 1 ? RegexEscape(values[0]) : $"({string.Join('|', values.Select(RegexEscape))})",
            _ when !multi => values[0].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\\\'", StringComparison.Ordinal),
            _ => values.Count == 1 ? RegexEscape(values[0]) : $"({string.Join('|', values.Select(RegexEscape))})",
        };
    }

    /// <summary>Grafana's prometheusSpecialRegexEscape: a regex escape written inside a PromQL string.</summary>
    private static string RegexEscape(string value) => SpecialRegexCharacter().Replace(value.Replace("\\", "\\\\\\\\", StringComparison.Ordinal), @"\\$0");

    private static bool Flag(JsonElement variable, string name) =>
        variable.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;

    private static TimeSpan Range(JsonElement dashboard)
    {
        var from = dashboard.GetProperty("time").GetProperty("from").GetString()!;
        var match = RelativeTime().Match(from);
        Assert.True(match.Success, $"dashboard time range {from}: only now-N(m|h|d) is understood here");
        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    /// <summary>Grafana's rangeutil.roundInterval: the nearest "nice" interval.</summary>
    private static TimeSpan RoundInterval(TimeSpan interval)
    {
        (double UpToMs, double Ms)[] steps =
        [
            (10, 1), (15, 10), (35, 20), (75, 50), (150, 100), (250, 200), (350, 300), (450, 400), (750, 500),
            (1_500, 1_000), (3_500, 2_000), (7_500, 5_000), (12_500, 10_000), (17_500, 15_000), (25_000, 20_000),
            (45_000, 30_000), (90_000, 60_000), (210_000, 120_000), (450_000, 300_000), (870_000, 600_000),
            (1_200_000, 900_000), (2_100_000, 1_200_000), (2_700_000, 1_800_000), (5_400_000, 3_600_000),
            (9_000_000, 7_200_000), (16_200_000, 10_800_000), (32_400_000, 21_600_000),
        ];
        var ms = interval.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(steps.FirstOrDefault(s => ms <= s.UpToMs, (0, 43_200_000)).Ms);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Duration(TimeSpan span) => span.TotalSeconds % 60 == 0
        ? $"{(long)span.TotalMinutes}m"
        : span.TotalSeconds >= 1 && span.TotalSeconds % 1 == 0 ? $"{(long)span.TotalSeconds}s" : $"{(long)span.TotalMilliseconds}ms";

    /// <summary>$name, ${name}, ${name:format} and the deprecated [[name]].</summary>
    [GeneratedRegex(@"\$\{(?<name>\w+)(:(?<format>\w+))?\}|\[\[(?<name>\w+)\]\]|\$(?<name>\w+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"[$^*{}\[\]'+?.()|]")]
    private static partial Regex SpecialRegexCharacter();

    [GeneratedRegex(@"^now-(?<amount>\d+)(?<unit>[mhd])$")]
    private static partial Regex RelativeTime();
}
