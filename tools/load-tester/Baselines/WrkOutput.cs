using System.Globalization;
using System.Text.RegularExpressions;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Baselines;

/// <summary>Reads wrk's --latency report: requests per second, the latency distribution, non-2xx and socket errors.</summary>
public static partial class WrkOutput
{
    public static RowResult Parse(string name, string text)
    {
        var requests = Number(RequestsLine().Match(text), "count");
        var rps = Number(RateLine().Match(text), "rate");
        var percentiles = PercentileLine().Matches(text).ToDictionary(m => m.Groups["p"].Value, m => Milliseconds(m.Groups["v"].Value, m.Groups["u"].Value));
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        if (Number(Non2xxLine().Match(text), "count") is { } non2xx and > 0)
        {
            errors["non_2xx"] = (long)non2xx;
        }

        if (SocketLine().Match(text) is { Success: true } socket)
        {
            foreach (var kind in new[] { "connect", "read", "write", "timeout" })
            {
                var value = long.Parse(socket.Groups[kind].Value, CultureInfo.InvariantCulture);
                if (value > 0)
                {
                    errors["socket_" + kind] = value;
                }
            }
        }

        var failed = errors.Values.Sum();
        return new RowResult
        {
            Name = name,
            Count = (long)(requests ?? 0),
            Succeeded = (long)(requests ?? 0) - failed,
            Failed = failed,
            ThroughputPerSecond = rps,
            LatencyMs = percentiles.TryGetValue("50", out var p50)
                ? new LatencySummary(p50, percentiles.GetValueOrDefault("90"), percentiles.GetValueOrDefault("99"),
                    percentiles.GetValueOrDefault("99"), percentiles.GetValueOrDefault("99"), p50)
                : null,
            // wrk is a closed loop at saturation and reports no p99.9 or max: those columns repeat its p99.
            ErrorKinds = errors,
        };
    }

    private static double? Number(Match match, string group) =>
        match.Success && double.TryParse(match.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double Milliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return Math.Round(unit switch { "us" => number / 1000, "s" => number * 1000, "m" => number * 60_000, _ => number }, 3);
    }

    [GeneratedRegex(@"(?<count>\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+(?<rate>[\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s+(?<p>50|75|90|99)%\s+(?<v>[\d.]+)(?<u>us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentileLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(?<count>\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketLine();
}
