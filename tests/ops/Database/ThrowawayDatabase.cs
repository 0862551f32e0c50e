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

    public async ValueTask DisposeAsync() => await InfraAsync("drop-database", Name);

    private static Task<Shell.Result> InfraAsync(params string[] args) =>
        Shell.RunAsync(Path.Combine(RepoPaths.Root, "deploy", "local", "infra.sh"), args,
            new Dictionary<string, string> { ["REPITBOT_LOCAL_DIR"] = RepoPaths.Local });
}
