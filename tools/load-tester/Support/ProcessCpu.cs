using System.Globalization;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// CPU time a process has used so far (user + system, from <c>/proc/PID/stat</c>), so a scenario can divide the
/// CPU a service spent on a run by the work it did.
/// </summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ: the unit of utime and stime; 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Used(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetUnreachableException("the measured process", $"/proc/{pid}/stat", ex.Message);
        }

        // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
