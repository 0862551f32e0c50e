using System.Globalization;
using Repitbot.LoadTester.Pipeline;

namespace Repitbot.LoadTester.Support;

/// <summary>One process's CPU time so far, from <c>/proc/PID/stat</c>: user + system, all threads, in clock ticks.</summary>
public readonly record struct ProcessCpu(int Pid, long StartTicks, long CpuTicks)
{
    /// <summary>
    /// Reads a stat line. The command name is in parentheses and may itself hold spaces and ')', so the
    /// fields are counted from the last ')': after it come state (field 3), …, utime (14), stime (15), starttime (22).
    /// </summary>
    public static ProcessCpu? Parse(string statLine)
    {
        var close = statLine.LastIndexOf(')');
        var open = statLine.IndexOf('(', StringComparison.Ordinal);
        if (close < 0 || open <= 0
            || !int.TryParse(statLine.AsSpan(0, open).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var fields = statLine[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 of the line: field n is fields[n - 3].
        if (fields.Length < 20
            || !long.TryParse(fields[14 - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[15 - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var system)
            || !long.TryParse(fields[22 - 3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return new ProcessCpu(pid, start, user + system);
    }

    /// <summary>
    /// CPU time <paramref name="pid"/> has used so far, for a scenario that divides a service's CPU by the work it
    /// did; a process that is gone is named, not crashed on.
    /// </summary>
    public static TimeSpan Used(int pid) =>
        Read(pid) is { } cpu
            ? TimeSpan.FromSeconds(cpu.CpuTicks / (double)ProcessGroups.TicksPerSecond)
            : throw new TargetUnreachableException("the measured process", $"/proc/{pid}/stat", "no such process (or its stat is unreadable)");

    /// <summary>The process's current figures, or null when it has gone.</summary>
    public static ProcessCpu? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
