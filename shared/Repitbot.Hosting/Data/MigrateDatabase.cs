using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Hosting.Startup;

namespace Repitbot.Hosting.Data;

/// <summary>Applies the service's EF Core migrations before it serves (EF takes a lock, so replicas may race).</summary>
internal sealed class MigrateDatabase<TContext>(IServiceScopeFactory scopes) : IStartupTask
    where TContext : DbContext
{
    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new StartupTaskFailedException($"migrating {typeof(TContext).Name} failed: {ex.MessageText}", ex);
        }
    }
}
