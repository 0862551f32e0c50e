using System.Diagnostics;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Tests;

public class NotifyLoadSupportTests
{
    [Fact]
    public void Cpu_time_read_from_proc_agrees_with_the_runtimes_own_count()
    {
        var spin = Stopwatch.StartNew();
        var x = 0L;
        while (spin.ElapsedMilliseconds < 200)
        {
            x += spin.ElapsedTicks % 7;
        }

        using var self = Process.GetCurrentProcess();
        var fromRuntime = self.TotalProcessorTime;
        var fromProc = ProcessCpu.Used(Environment.ProcessId);
        Assert.True(x >= 0);
        Assert.True(fromProc > TimeSpan.Zero);
        // Both count user + system time of every thread; /proc in 10 ms ticks, read a moment later.
        Assert.InRange((fromProc - fromRuntime).TotalMilliseconds, -20, 200);
    }

    [Fact]
    public void A_process_that_is_gone_is_named_not_crashed_on()
    {
        var ex = Assert.Throws<TargetUnreachableException>(() => ProcessCpu.Used(int.MaxValue - 1));
        Assert.Contains("/proc/", ex.Message, StringComparison.Ordinal);
    }
}
