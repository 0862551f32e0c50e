using System.ComponentModel;
using System.Diagnostics;

namespace Repitbot.LoadTester.Support;

/// <summary>Runs a benchmark program (wrk, redis-benchmark) and returns what it printed.</summary>
public static class ExternalTool
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception)
        {
            throw new TargetUnreachableException(program, "PATH", $"{program} is not installed (bench.sh installs it from Debian)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? await output
                : throw new TargetUnreachableException(program, string.Join(' ', start.ArgumentList.Where(a => a.StartsWith("http", StringComparison.Ordinal))),
                    $"{program} exited with {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }
}
