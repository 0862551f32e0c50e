using Repitbot.Gateway.Clients;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Cli;

/// <summary>
/// <c>clients add | list | rotate | disable</c>: manages the API clients kept in the gateway's schema.
/// A new secret is printed once, alone on stdout (<c>SECRET=$(...)</c>); only its SHA-256 is stored.
/// </summary>
public static class ClientsCommand
{
    public const string Name = "clients";

    public const string Usage = """
        usage: Repitbot.Gateway clients add --id <id> --role admin|tutor|student|service --sub <subject> [--scope <scope>]...
               Repitbot.Gateway clients rotate --id <id>      a new secret; the old one stops working
               Repitbot.Gateway clients disable --id <id>     the client gets no more tokens
               Repitbot.Gateway clients list
        The database is ConnectionStrings__Postgres (the gateway's own role); its schema is migrated first.
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var verb = args.Length > 1 ? args[1] : null;
        var (values, error) = CommandLine.Parse(args.Length > 2 ? args[2..] : [], ["--id", "--role", "--sub", "--scope"], ["--scope"]);
        error ??= verb switch
        {
            "add" => ClientsValidation.ForAdd(values, configuration),
            "rotate" or "disable" => values.One("--id") is null ? "--id is required" : null,
            "list" => null,
            _ => "say add, rotate, disable or list",
        };
        if (error is not null)
        {
            await stderr.WriteLineAsync($"clients: {error}");
            await stderr.WriteLineAsync(Usage);
            return ServiceRunner.ConfigurationError;
        }

        return await CliDatabase.RunAsync(configuration, stderr, Name, async db =>
        {
            var store = new ClientStore(db, clock, stdout, stderr);
            return verb switch
            {
                "add" => await store.AddAsync(values.One("--id")!, values.One("--role")!, values.One("--sub")!,
                    values.GetValueOrDefault("--scope") ?? [], cancellationToken),
                "rotate" => await store.RotateAsync(values.One("--id")!, cancellationToken),
                "disable" => await store.DisableAsync(values.One("--id")!, cancellationToken),
                _ => await store.ListAsync(cancellationToken),
            };
        }, cancellationToken);
    }
}
