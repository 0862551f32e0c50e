using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.Gateway.Data;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Data;

namespace Repitbot.Gateway.Cli;

/// <summary>Opens the gateway's schema for a command, migrated first so a command works before the gateway ever started.</summary>
public static class CliDatabase
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter stderr, string command,
        Func<GatewayDb, Task<int>> action, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await stderr.WriteLineAsync($"{command}: ConnectionStrings__Postgres is not set");
            return ServiceRunner.ConfigurationError;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var options = new DbContextOptionsBuilder<GatewayDb>();
        options.UsePostgresSchema(dataSource, GatewayDb.Schema);
        await using var db = new GatewayDb(options.Options);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            return await action(db);
        }
        catch (NpgsqlException ex)
        {
            await stderr.WriteLineAsync($"{command}: PostgreSQL cannot be used: {ex.Message}");
            return ServiceRunner.DependencyUnavailable;
        }
    }
}
