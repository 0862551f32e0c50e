using Npgsql;

namespace Repitbot.Ops.Database;

/// <summary>
/// A database laid out like repitbot (roles, schemas, grants: deploy/postgres/init/01-roles.sql),
/// made and dropped with deploy/local/infra.sh, so that dropping and restoring never touches the
/// database anyone else uses.
/// </summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private ThrowawayDatabase(string name) => Name = name;

    public string Name { get; }

    public static async Task<ThrowawayDatabase> CreateAsync()
    {
        var database = new ThrowawayDatabase("ops_" + Guid.NewGuid().ToString("N")[..12]);
        var result = await InfraAsync("database", database.Name);
        Assert.True(result.ExitCode == 0, result.Output);
        return database;
    }

    /// <summary>Drops it, as a lost database would be gone (as the superuser: infra.sh).</summary>
    public async Task DropAsync()
    {
        var result = await InfraAsync("drop-database", Name);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>A connection string for <paramref name="role"/>, whose local password is its name.</summary>
    public string ConnectionString(string role) =>
        $"Host=127.0.0.1;Port=5432;Database={Name};Username={role};Password={role};Pooling=false";

    public async Task<NpgsqlConnection> OpenAsync(string role)
    {
        var connection = new NpgsqlConnection(ConnectionString(role));
        await connection.OpenAsync();
        return connection;
    }

    public async Task<object?> ScalarAsync(string role, string sql)
    {
        await using var connection = await OpenAsync(role);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>deploy/local/env copied into <paramref name="folder"/> with this database in every connection string.</summary>
    public string LocalSettingsIn(string folder)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder, "env-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "local", "env"), "*.env"))
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)),
                File.ReadAllText(file).Replace("Database=repitbot;", $"Database={Name};", StringComparison.Ordinal));
        }

        return dir;
    }

    /// <summary>deploy/migrate.sh for <paramref name="services"/> (all three when none) with <paramref name="settings"/>.</summary>
    public static Task<Shell.Result> MigrateAsync(string settings, params string[] services) =>
        Shell.RunAsync(Script("migrate.sh"), services, new Dictionary<string, string>
        {
            ["REPITBOT_ENV_DIR"] = settings,
            ["CONFIGURATION"] = Shell.Configuration,
        });

    /// <summary>The libpq variables the operator scripts (backup, restore, retention) read, as repitbot_admin.</summary>
    public Dictionary<string, string> AdminLogin(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = "5432",
            ["PGUSER"] = "repitbot_admin",
            ["PGPASSWORD"] = "repitbot_admin",
            ["PGDATABASE"] = Name,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    public static string Script(string name) => Path.Combine(RepoPaths.Root, "deploy", name);

    public async ValueTask DisposeAsync() => await InfraAsync("drop-database", Name);

    private static Task<Shell.Result> InfraAsync(params string[] args) =>
        Shell.RunAsync(Path.Combine(RepoPaths.Root, "deploy", "local", "infra.sh"), args,
            new Dictionary<string, string> { ["REPITBOT_LOCAL_DIR"] = RepoPaths.Local });
}
