using Npgsql;

namespace Repitbot.Ops.Database;

/// <summary>
/// deploy/migrate.sh, the roles of deploy/postgres/init/01-roles.sql, deploy/backup.sh and
/// deploy/restore.sh, against a throwaway database.
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
        var envDir = LocalSettingsFor(_db.Name);
        var migrated = await MigrateAsync(envDir);
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

        await AssertRetentionAsync();

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
        var upToDate = await MigrateAsync(envDir, "analytics");
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

    /// <summary>deploy/retention.sh deletes delivered notifications and published outbox rows past their periods, nothing else.</summary>
    private async Task AssertRetentionAsync()
    {
        await _db.ScalarAsync("notification", """
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, attempts, created_at)
            SELECT gen_random_uuid(), k, gen_random_uuid(), 'lesson-completed', 'Email', s, 1, now() - d * interval '1 day'
            FROM (VALUES ('old-sent', 'Sent', 40), ('new-sent', 'Sent', 5), ('old-failed', 'Failed', 40), ('old-pending', 'Pending', 40)) AS v(k, s, d)
            """);
        await _db.ScalarAsync("bot_gateway", """
            INSERT INTO bot_gateway.outbox_messages (message_id, message_type, body, created_at, published_at, attempts)
            SELECT gen_random_uuid(), k, '{}', now() - d * interval '1 day', p, 0
            FROM (VALUES ('old-published', 10, now() - interval '9 days'), ('new-published', 1, now()), ('old-unpublished', 10, NULL)) AS v(k, d, p)
            """);

        var result = await Shell.RunAsync(Script("retention.sh"), [], AdminLogin(
            ("NOTIFICATION_RETENTION_DAYS", "30"), ("FAILED_NOTIFICATION_RETENTION_DAYS", "60"), ("OUTBOX_RETENTION_DAYS", "7")));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("delivered notifications (> 30 days): deleted 1 rows from notification.deliveries", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("published outbox messages (> 7 days): deleted 1 rows from bot_gateway.outbox_messages", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("new-sent,old-failed,old-pending", await _db.ScalarAsync("notification",
            "SELECT string_agg(idempotency_key, ',' ORDER BY idempotency_key) FROM notification.deliveries"));
        Assert.Equal("new-published,old-unpublished", await _db.ScalarAsync("bot_gateway",
            "SELECT string_agg(message_type, ',' ORDER BY message_type) FROM bot_gateway.outbox_messages"));
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_names_the_setting()
    {
        var envDir = LocalSettingsFor(_db.Name);
        File.WriteAllText(Path.Combine(envDir, "analytics.env"), "ASPNETCORE_URLS=http://127.0.0.1:19999\n");

        var result = await MigrateAsync(envDir, "analytics");

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

    /// <summary>deploy/local/env with the throwaway database in every connection string.</summary>
    private string LocalSettingsFor(string database)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_work, "env-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "local", "env"), "*.env"))
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)),
                File.ReadAllText(file).Replace("Database=repitbot;", $"Database={database};", StringComparison.Ordinal));
        }

        return dir;
    }

    private static Task<Shell.Result> MigrateAsync(string envDir, params string[] services) =>
        Shell.RunAsync(Script("migrate.sh"), services, new Dictionary<string, string>
        {
            ["REPITBOT_ENV_DIR"] = envDir,
            ["CONFIGURATION"] = Shell.Configuration,
        });

    private async Task<string> BackUpAsync(string dir)
    {
        var result = await Shell.RunAsync(Script("backup.sh"), [dir], AdminLogin(("BACKUP_KEEP", "1")));
        Assert.True(result.ExitCode == 0, result.Output);
        var file = result.Stdout.Trim();
        Assert.True(File.Exists(file), result.Output);
        return file;
    }

    private Task<Shell.Result> RestoreAsync(string file, params string[] options) =>
        Shell.RunAsync(Script("restore.sh"), [.. options, file, _db.Name], AdminLogin());

    private Dictionary<string, string> AdminLogin(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = "5432",
            ["PGUSER"] = "repitbot_admin",
            ["PGPASSWORD"] = "repitbot_admin",
            ["PGDATABASE"] = _db.Name,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string Script(string name) => Path.Combine(RepoPaths.Root, "deploy", name);
}
