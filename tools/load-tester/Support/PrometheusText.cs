using System.Globalization;
using System.Text.RegularExpressions;

namespace Repitbot.LoadTester.Support;

/// <summary>Reads samples of one metric from the Prometheus text format a service's /metrics answers.</summary>
public static partial class PrometheusText
{
    public sealed record Sample(IReadOnlyDictionary<string, string> Labels, double Value);

    public static List<Sample> Samples(string text, string metric)
    {
        var samples = new List<Sample>();
        foreach (Match m in SampleLine().Matches(text))
        {
            if (m.Groups["name"].Value != metric)
            {
                continue;
            }

            var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            if (double.TryParse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add(new Sample(labels, value));
            }
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
