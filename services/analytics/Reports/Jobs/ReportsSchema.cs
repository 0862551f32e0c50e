using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Startup;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Applies the report tables' migrations after the event store's (order 100) and before serving.</summary>
internal sealed class ReportsSchema(IServiceScopeFactory scopes) : IStartupTask
{
    public int Order => 110;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ReportsDb>().Database.MigrateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new StartupTaskFailedException($"migrating ReportsDb failed: {ex.MessageText}", ex);
        }
    }
}
