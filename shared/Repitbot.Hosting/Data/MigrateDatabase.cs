using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Hosting.Startup;

namespace Repitbot.Hosting.Data;

/// <summary>
/// Applies the service's EF Core migrations before it serves. Replicas starting together on a new database take
/// turns (<see cref="MigrationLock"/>): EF's own lock comes after its history table, so two of them used to
/// both apply the first migration and one failed to start ("column ... already exists").
/// </summary>
internal sealed class MigrateDatabase<TContext>(IServiceScopeFactory scopes) : IStartupTask, IDatabaseMigration
    where TContext : DbContext
{
    public int Order => 100;

    public string ContextName => typeof(TContext).Name;

    public Task RunAsync(CancellationToken cancellationToken) => ApplyAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        try
        {
            await using var turn = await MigrationLock.TakeAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), ContextName, cancellationToken);
            // Asking EF for pending migrations on a new schema logs an error (no history table yet):
            // look at the history table only once it exists.
            var history = db.GetService<IHistoryRepository>();
            var before = await history.ExistsAsync(cancellationToken)
                ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet()
                : [];
            await db.Database.MigrateAsync(cancellationToken);
            return db.Database.GetMigrations().Where(id => !before.Contains(id)).ToList();
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new StartupTaskFailedException($"migrating {ContextName} failed: {ex.MessageText}", ex);
        }
    }
}

/// <summary>One service's schema migrations, applied at start or alone by <see cref="MigrateCommand"/>.</summary>
internal interface IDatabaseMigration
{
    string ContextName { get; }

    /// <summary>Applies what is pending and returns the names of the migrations it applied.</summary>
    Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken);
}
