using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Startup;

namespace Repitbot.Hosting.Data;

/// <summary>
/// <c>dotnet Repitbot.Analytics.dll migrate</c>: applies the service's migrations and exits, without
/// serving and without its other dependencies (only ConnectionStrings__Postgres is needed). For
/// upgrades that migrate before the new version rolls out (deploy/migrate.sh, a Kubernetes Job); a
/// normal start still migrates by itself. Exit codes as at start: 0 done, 2 setting missing,
/// 3 PostgreSQL unreachable or a migration failed.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsInvoked(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Name;

    /// <summary>Runs the command and exits the process if the service was started with it.</summary>
    public static void ExitIfInvoked(WebApplication app)
    {
        if (IsInvoked(Environment.GetCommandLineArgs().Skip(1).ToList()))
        {
            // Top-level Program code has no synchronization context: blocking here cannot deadlock.
            Environment.Exit(RunAsync(app.Services, app.Environment.ApplicationName).GetAwaiter().GetResult());
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, string name)
    {
        try
        {
            return await ApplyAllAsync(services, name);
        }
        catch (OptionsValidationException ex)
        {
            // Resolving the startup tasks already validates settings (the data source needs its connection string).
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"{name}: configuration error: {ServiceRunner.Readable(failure)}");
            }

            return ServiceRunner.ConfigurationError;
        }
        catch (Exception ex) when (ex is StartupTaskFailedException or NpgsqlException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"{name}: cannot migrate: {ex.Message}");
            return ServiceRunner.DependencyUnavailable;
        }
    }

    private static async Task<int> ApplyAllAsync(IServiceProvider services, string name)
    {
        var migrations = services.GetServices<IStartupTask>().OfType<IDatabaseMigration>().ToList();
        if (migrations.Count == 0)
        {
            Console.WriteLine($"{name}: no database, nothing to migrate");
            return 0;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        foreach (var migration in migrations)
        {
            var applied = await migration.ApplyAsync(timeout.Token);
            Console.WriteLine(applied.Count == 0
                ? $"{name}: {migration.ContextName} is up to date"
                : $"{name}: {migration.ContextName}: applied {string.Join(", ", applied)}");
        }

        return 0;
    }
}
