using System.Diagnostics;
using Npgsql;

namespace Repitbot.Chaos.Infrastructure;

/// <summary>
/// The suite's own PostgreSQL, Redis, RabbitMQ and SMTP server (deploy/local/chaos.env), started and killed through
/// deploy/local/infra.sh. Never the shared servers: they serve ./run.sh, ./test.sh and other working copies, and
/// this suite kills servers with kill -9.
/// </summary>
public sealed class PrivateInfrastructure
{
    public const string Database = "repitbot";
    private readonly Dictionary<string, string> _settings;

    private PrivateInfrastructure(Dictionary<string, string> settings) => _settings = settings;

    public static PrivateInfrastructure Load()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "local", "chaos.env")))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                settings[trimmed[..trimmed.IndexOf('=')]] = trimmed[(trimmed.IndexOf('=') + 1)..];
            }
        }

        // Deliberately not REPITBOT_LOCAL_DIR from the environment: shells that run the ordinary tests set it to the
        // shared servers' folder, and a second set of servers must never start on their data.
        var local = Environment.GetEnvironmentVariable("REPITBOT_CHAOS_LOCAL_DIR") is { Length: > 0 } dir ? dir : settings["REPITBOT_LOCAL_DIR"];
        settings["REPITBOT_LOCAL_DIR"] = Path.GetFullPath(local, RepoPaths.Root);
        return new PrivateInfrastructure(settings);
    }

    public string LocalDir => _settings["REPITBOT_LOCAL_DIR"];

    public int PostgresPort => Port("REPITBOT_PG_PORT");

    public int RedisPort => Port("REPITBOT_REDIS_PORT");

    public int AmqpPort => Port("REPITBOT_RMQ_PORT");

    public int SmtpPort => Port("REPITBOT_SMTP_PORT");

    public string MailFolder => Path.Combine(LocalDir, "mail", "new");

    public string AmqpUri => $"amqp://repitbot:repitbot@127.0.0.1:{AmqpPort}/repitbot";

    public string Redis => $"127.0.0.1:{RedisPort}";

    /// <summary>The service role's connection string (roles and password as deploy/postgres/init/01-roles.sql makes them).</summary>
    public string Postgres(string role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = PostgresPort, Database = Database, Username = role, Password = role,
        Timeout = 5, CommandTimeout = 10,
    }.ConnectionString;

    /// <summary>Starts whatever of the four is not running (all of them when none is named).</summary>
    public Task UpAsync(params string[] servers) => RunAsync(["up", .. servers], TimeSpan.FromMinutes(3));

    /// <summary>kill -9 of the server and every process it started, as a crash would.</summary>
    public Task KillAsync(string server) => RunAsync(["kill", server], TimeSpan.FromSeconds(60));

    private int Port(string key) => int.Parse(_settings[key], System.Globalization.CultureInfo.InvariantCulture);

    private async Task RunAsync(string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "deploy", "local", "infra.sh"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.Environment.Remove("REPITBOT_PG_SOCKET_DIR");
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"infra.sh {string.Join(' ', arguments)} took longer than {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"infra.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
