using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Health;
using Repitbot.Hosting.Startup;

namespace Repitbot.Hosting.Data;

public static class PostgresRegistration
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// The service's DbContext on its own schema, a shared <see cref="NpgsqlDataSource"/> for raw SQL,
    /// a readiness check, a start-up probe, and the service's migrations applied before it serves.
    /// </summary>
    public static IHostApplicationBuilder AddPostgres<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.AddValidatedOptions<PostgresOptions>("ConnectionStrings");
        services.AddSingleton(sp =>
        {
            var connectionString = new NpgsqlConnectionStringBuilder(sp.GetValidated<PostgresOptions>().Postgres);
            // Sessions carry the service's name in pg_stat_activity, unless the installation named them (one
            // name per replica tells which one holds a lock).
            connectionString.ApplicationName ??= builder.Environment.ApplicationName;
            PooledSessions.Apply(connectionString);
            return new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build();
        });
        // Pooled: building a context resolves a dozen EF services per request, measured as the largest
        // managed cost of the bot gateway's REST intake (with lock contention in DI under load).
        services.AddDbContextPool<TContext>((sp, options) => options.UsePostgresSchema(
            sp.GetRequiredService<NpgsqlDataSource>(), schema));

        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready]);
        services.AddDependencyProbe("PostgreSQL", Describe, async (sp, ct) =>
        {
            await using var connection = await sp.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        });
        services.AddSingleton<IStartupTask, MigrateDatabase<TContext>>();
        return builder;
    }

    /// <summary>The one way every service's DbContext is configured, at run time and at design time.</summary>
    public static DbContextOptionsBuilder UsePostgresSchema(this DbContextOptionsBuilder options,
        NpgsqlDataSource dataSource, string schema) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();

    private static string Describe(IServiceProvider services)
    {
        var cs = new NpgsqlConnectionStringBuilder(services.GetValidated<PostgresOptions>().Postgres);
        return $"{cs.Host}:{cs.Port}/{cs.Database} as {cs.Username}";
    }
}
