using System.Globalization;
using Repitbot.LoadTester.Cli;
using Repitbot.LoadTester.Output;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// Each service's peak resident memory (VmHWM in /proc/PID/status), and what its resident memory is made of when read:
/// anonymous pages (the GC heap and native allocations), file pages (the runtime's and the app's assemblies and native
/// libraries, which the four services share), shared memory (the runtime's executable memory, mapped twice because of
/// W^X) and the proportional set size (PSS, each shared page divided among the processes that map it).
/// </summary>
public static class PeakMemory
{
    public static ScenarioResult Read(IReadOnlyList<string> namedPids)
    {
        if (namedPids.Count == 0)
        {
            throw new UsageException("peak-memory needs NAME=PID arguments, e.g. analytics=1234");
        }

        var rows = new List<RowResult>();
        foreach (var pair in namedPids)
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            {
                throw new UsageException($"'{pair}' is not NAME=PID");
            }

            var fields = ProcFields($"/proc/{pid}/status");
            rows.Add(fields.Count == 0
                ? new RowResult { Name = parts[0], Note = $"process {pid} is not running" }
                : new RowResult
                {
                    Name = parts[0],
                    Extra = new Dictionary<string, double>
                    {
                        ["peakMiB"] = MiB(fields, "VmHWM"), ["currentMiB"] = MiB(fields, "VmRSS"), ["anonMiB"] = MiB(fields, "RssAnon"),
                        ["fileMiB"] = MiB(fields, "RssFile"), ["shmemMiB"] = MiB(fields, "RssShmem"), ["pssMiB"] = MiB(ProcFields($"/proc/{pid}/smaps_rollup"), "Pss"),
                    },
                });
        }

        return new ScenarioResult { Scenario = "peak-memory", Label = "peak memory", StartedAt = DateTimeOffset.UtcNow, Rows = rows };
    }

    /// <summary>The "Key: value" lines of a /proc file; none when the process is gone (it may end between two reads).</summary>
    private static Dictionary<string, string> ProcFields(string path)
    {
        try
        {
            return File.ReadLines(path).Select(l => l.Split(':', 2)).Where(f => f.Length == 2)
                .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static double MiB(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) && long.TryParse(value.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            ? Math.Round(kib / 1024.0, 1)
            : 0;
}
