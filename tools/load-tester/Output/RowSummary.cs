using HdrHistogram;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Output;

public static class RowSummary
{
    /// <summary>A row per operation the recorder saw; throughput over the window from the start to its last success.</summary>
    public static List<RowResult> From(ResultRecorder recorder, TimeSpan elapsed)
    {
        var rows = new List<RowResult>();
        foreach (var name in recorder.Operations)
        {
            var tally = recorder.Tally(name);
            var succeeded = tally.Histogram.TotalCount;
            var failed = tally.Errors.Values.Sum();
            var window = tally.LastCompletion > TimeSpan.Zero ? tally.LastCompletion : elapsed;
            rows.Add(new RowResult
            {
                Name = name,
                Count = succeeded + failed,
                Succeeded = succeeded,
                Failed = failed,
                ThroughputPerSecond = succeeded > 0 && window > TimeSpan.Zero ? succeeded / window.TotalSeconds : null,
                LatencyMs = Summarize(tally.Histogram),
                ErrorKinds = tally.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(),
                Note = NoteFor(succeeded, tally.Errors),
            });
        }

        return rows;
    }

    public static LatencySummary? Summarize(HistogramBase histogram) => histogram.TotalCount == 0
        ? null
        : new LatencySummary(Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()),
            Math.Round(histogram.GetMean() / 1000.0, 3));

    /// <summary>An endpoint that answered nothing but 404 is missing from this suite, not failing.</summary>
    private static string? NoteFor(long succeeded, System.Collections.Concurrent.ConcurrentDictionary<string, long> errors) =>
        succeeded == 0 && errors.Count == 1 && errors.ContainsKey("http_404") ? "endpoint not available (404)" : null;

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}
