using Npgsql;

namespace Repitbot.Ops.Database;

/// <summary>
/// deploy/migrate.sh, the roles of deploy/postgres/init/01-roles.sql, deploy/backup.sh and
/// deploy/restore.sh, against a throwaway database (deploy/retention.sh: RetentionTests).
/// </summary>
public sealed class DatabaseOperationsTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("repitbot-ops-").FullName;
    private ThrowawayDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ThrowawayDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Migrate_then_back_up_lose_and_restore_the_database()
    {
        var envDir = _db.LocalSettingsIn(_work);
        var migrated = await ThrowawayDatabase.MigrateAsync(envDir);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        foreach (var service in new[] { "BotGateway", "Notification", "Analytics" })
        {
            Assert.Contains($"Repitbot.{service}: {service}Db: applied ", migrated.Stdout, StringComparison.Ordinal);
        }


        // Each service writes only its own schema; reporting reads analytics and nothing else, never writes.
        var marker = Guid.NewGuid();
        await _db.ScalarAsync("analytics", $"CREATE TABLE analytics.ops_probe (id uuid PRIMARY KEY); INSERT INTO analytics.ops_probe VALUES ('{marker}')");
        await _db.ScalarAsync("bot_gateway", $"CREATE TABLE bot_gateway.ops_probe (id uuid PRIMARY KEY); INSERT INTO bot_gateway.ops_probe VALUES ('{marker}')");
        await AssertRolesAsync(marker);

        var backups = Path.Combine(_work, "backups");
        var first = await BackUpAsync(backups);
        var second = await BackUpAsync(backups);
        Assert.NotEqual(first, second);
        Assert.Equal([Path.GetFileName(second)], Directory.GetFiles(backups).Select(Path.GetFileName)); // BACKUP_KEEP=1

        await _db.DropAsync();
        var restored = await RestoreAsync(second);
        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Contains($"restored {second} into {_db.Name}", restored.Stdout, StringComparison.Ordinal);
        Assert.Equal(marker, await _db.ScalarAsync("reporting", "SELECT id FROM analytics.ops_probe"));
        Assert.Equal(marker, await _db.ScalarAsync("bot_gateway", "SELECT id FROM bot_gateway.ops_probe"));
        await AssertRolesAsync(marker);
        // The restored migration history is complete: nothing left to apply.
        var upToDate = await ThrowawayDatabase.MigrateAsync(envDir, "analytics");
        Assert.True(upToDate.Stdout.Trim() == "Repitbot.Analytics: AnalyticsDb is up to date", upToDate.Output);

        // An existing database is replaced only when asked to.
        var refused = await RestoreAsync(second);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"database {_db.Name} exists; run again with --yes", refused.Stderr, StringComparison.Ordinal);
        await _db.ScalarAsync("analytics", "DELETE FROM analytics.ops_probe");
        var replaced = await RestoreAsync(second, "--yes");
        Assert.True(replaced.ExitCode == 0, replaced.Output);
        Assert.Equal(marker, await _db.ScalarAsync("analytics", "SELECT id FROM analytics.ops_probe"));
    }

    [Fact]
    public async Task Replicas_migrating_a_new_database_at_once_all_succeed()
    {
        // Three replicas of each service starting together on a database nobody has migrated yet: before they took
        // turns, one of a pair applied the first migration a second time and failed ("column ... already exists").
        var envDir = _db.LocalSettingsIn(_work);
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ThrowawayDatabase.MigrateAsync(envDir)));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Output));
        foreach (var (role, schema) in new[] { ("bot_gateway", "bot_gateway"), ("notification", "notification"), ("analytics", "analytics") })
        {
            var applied = await _db.ScalarAsync(role, $"SELECT count(*) FROM {schema}.__ef_migrations_history");
            Assert.True(Convert.ToInt64(applied, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{schema}: no migration recorded");
        }
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_names_the_setting()
    {
        var envDir = _db.LocalSettingsIn(_work);
        File.WriteAllText(Path.Combine(envDir, "analytics.env"), "ASPNETCORE_URLS=http://127.0.0.1:19999\n");

        var result = await ThrowawayDatabase.MigrateAsync(envDir, "analytics");

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains("ConnectionStrings__Postgres is missing", result.Stderr, StringComparison.Ordinal);
    }

    private async Task AssertRolesAsync(Guid marker)
    {
        await AssertDeniedAsync("analytics", "SELECT count(*) FROM bot_gateway.ops_probe", "42501");
        await AssertDeniedAsync("notification", "SELECT count(*) FROM analytics.ops_probe", "42501");
        await AssertDeniedAsync("reporting", "SELECT count(*) FROM bot_gateway.ops_probe", "42501");
        await AssertDeniedAsync("reporting", $"INSERT INTO analytics.ops_probe VALUES ('{Guid.NewGuid()}')", "25006");
        Assert.Equal(marker, await _db.ScalarAsync("reporting", "SELECT id FROM analytics.ops_probe"));
    }

    private async Task AssertDeniedAsync(string role, string sql, string sqlState)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => _db.ScalarAsync(role, sql));
        Assert.True(error.SqlState == sqlState, $"{role}: {sql}: {error.SqlState} {error.MessageText}");
    }

    private async Task<string> BackUpAsync(string dir)
    {
        var result = await Shell.RunAsync(ThrowawayDatabase.Script("backup.sh"), [dir], _db.AdminLogin(("BACKUP_KEEP", "1")));
        Assert.True(result.ExitCode == 0, result.Output);
        var file = result.Stdout.Trim();
        Assert.True(File.Exists(file), result.Output);
        return file;
    }

    private Task<Shell.Result> RestoreAsync(string file, params string[] options) =>
        Shell.RunAsync(ThrowawayDatabase.Script("restore.sh"), [.. options, file, _db.Name], _db.AdminLogin());
}
