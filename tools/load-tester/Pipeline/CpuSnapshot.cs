using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// The CPU time of a set of named process groups at one moment ("postgres" is many backends). A process is
/// keyed by its pid and start time, so a pid reused by a new process is not mistaken for the old one.
/// </summary>
public sealed class CpuSnapshot
{
    private readonly Dictionary<(int Pid, long Start), (string Group, long Ticks)> _processes = [];

    public void Add(string group, ProcessCpu process) => _processes[(process.Pid, process.StartTicks)] = (group, process.CpuTicks);

    /// <summary>
    /// Milliseconds of CPU each group used between <paramref name="before"/> and <paramref name="after"/>. A process
    /// that started in between counts from zero; one that ended in between is gone with its time (its last
    /// figures were never read), which only loses time: short-lived processes are rare among these servers.
    /// </summary>
    public static Dictionary<string, double> Delta(CpuSnapshot before, CpuSnapshot after, long ticksPerSecond)
    {
        var used = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, (group, ticks)) in after._processes)
        {
            var earlier = before._processes.TryGetValue(key, out var seen) ? seen.Ticks : 0;
            used[group] = used.GetValueOrDefault(group) + (Math.Max(0, ticks - earlier) * 1000.0 / ticksPerSecond);
        }

        foreach (var (_, (group, _)) in before._processes)
        {
            used.TryAdd(group, 0);
        }

        return used;
    }
}
