using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Which processes the pipeline's CPU is counted for: the services by the pids bench.sh gives, and the servers
/// found in /proc — PostgreSQL (the benchmark database's backends apart from the server's own processes;
/// other databases' backends are other people's load on the shared server and left out), RabbitMQ
/// (beam.smp), Redis, the SMTP sink (aiosmtpd) and this tool.
/// </summary>
public sealed class ProcessGroups(IReadOnlyDictionary<string, int> services, string? database)
{
    public const string PostgresBackends = "postgres (bench database)";
    public const string PostgresServer = "postgres (server)";

    /// <summary>
    /// Clock ticks per second of /proc/PID/stat: the kernel reports them in USER_HZ, which Linux fixes at 100 for
    /// user space on every architecture .NET runs on (what `getconf CLK_TCK` prints).
    /// </summary>
    public const long TicksPerSecond = 100;

    public CpuSnapshot Take()
    {
        var snapshot = new CpuSnapshot();
        foreach (var (name, pid) in services)
        {
            if (ProcessCpu.Read(pid) is { } cpu)
            {
                snapshot.Add(name, cpu);
            }
        }

        var self = Environment.ProcessId;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || services.Values.Contains(pid))
            {
                continue;
            }

            var group = pid == self ? "load-tester" : Classify(ReadOrEmpty($"{folder}/comm").Trim(), ReadOrEmpty($"{folder}/cmdline").Replace('\0', ' '), database);
            if (group is not null && ProcessCpu.Read(pid) is { } cpu)
            {
                snapshot.Add(group, cpu);
            }
        }

        return snapshot;
    }

    /// <summary>The group a server process belongs to by its name and command line, or null when it is not counted.</summary>
    public static string? Classify(string comm, string commandLine, string? database)
    {
        switch (comm)
        {
            case "beam.smp":
                return "rabbitmq";
            case "redis-server":
                return "redis";
            case "postgres":
                // Backends title themselves "postgres: USER DATABASE HOST(PORT) STATE"; the postmaster keeps its
                // command line and the server's helpers are "postgres: checkpointer" and the like.
                if (!commandLine.StartsWith("postgres: ", StringComparison.Ordinal))
                {
                    return PostgresServer;
                }

                var words = commandLine["postgres: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 3 && words[2].Contains('(', StringComparison.Ordinal))
                {
                    return database is not null && words[1] == database ? PostgresBackends : null;
                }

                // Autovacuum workers name their database; the other helpers (checkpointer, walwriter, ...) serve everyone.
                return words.Length > 2 && words[0] == "autovacuum" && words[1] == "worker"
                    ? (words[2] == database ? PostgresBackends : null)
                    : PostgresServer;
            default:
                return commandLine.Contains("aiosmtpd", StringComparison.Ordinal) ? "smtp" : null;
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
