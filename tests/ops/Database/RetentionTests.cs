namespace Repitbot.Ops.Database;

/// <summary>deploy/retention.sh against a throwaway database migrated by the services themselves.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("repitbot-retention-").FullName;
    private ThrowawayDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ThrowawayDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Every_table_loses_its_rows_past_their_period_and_keeps_the_rest()
    {
        await MigrateAsync("bot-gateway", "notification");
        // Keys say what each row is; only the "gone-" ones are past their period.
        await _db.ScalarAsync("notification", """
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, attempts, created_at)
            SELECT gen_random_uuid(), k, gen_random_uuid(), 'lesson-completed', 'Email', s, 1, now() - d * interval '1 day'
            FROM (VALUES ('gone-sent', 'Sent', 40), ('gone-skipped', 'Skipped', 40), ('kept-new-sent', 'Sent', 5),
                         ('kept-failed', 'Failed', 40), ('gone-failed', 'Failed', 70), ('kept-pending', 'Pending', 400)) AS v(k, s, d)
            """);
        await _db.ScalarAsync("bot_gateway", """
            INSERT INTO bot_gateway.outbox_messages (message_id, message_type, body, created_at, published_at, attempts)
            SELECT gen_random_uuid(), k, '{}', now() - d * interval '1 day', p, 0
            FROM (VALUES ('gone-published', 10, now() - interval '9 days'), ('kept-new-published', 1, now()),
                         ('kept-unpublished', 10, NULL)) AS v(k, d, p)
            """);
        await _db.ScalarAsync("bot_gateway", """
            INSERT INTO bot_gateway.webhook_messages (source, external_id, payload, status, attempts, received_at, processed_at)
            SELECT 'course-platform', k, '{}', s, 1, now() - d * interval '1 day', now() - p * interval '1 day'
            FROM (VALUES ('gone-processed', 'Processed', 20, 20), ('kept-new-processed', 'Processed', 20, 1),
                         ('kept-failed', 'Failed', 20, 20), ('gone-failed', 'Failed', 40, 40),
                         ('kept-pending', 'Pending', 400, NULL)) AS v(k, s, d, p)
            """);

        var result = await RetentionAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("delivered notifications (> 30 days): deleted 2 rows from notification.deliveries", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed notifications (> 60 days): deleted 1 rows from notification.deliveries", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("published outbox messages (> 7 days): deleted 1 rows from bot_gateway.outbox_messages", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("processed webhooks (> 14 days): deleted 1 rows from bot_gateway.webhook_messages", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed webhooks (> 30 days): deleted 1 rows from bot_gateway.webhook_messages", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("kept-failed,kept-new-sent,kept-pending", await _db.ScalarAsync("notification",
            "SELECT string_agg(idempotency_key, ',' ORDER BY idempotency_key) FROM notification.deliveries"));
        Assert.Equal("kept-new-published,kept-unpublished", await _db.ScalarAsync("bot_gateway",
            "SELECT string_agg(message_type, ',' ORDER BY message_type) FROM bot_gateway.outbox_messages"));
        Assert.Equal("kept-failed,kept-new-processed,kept-pending", await _db.ScalarAsync("bot_gateway",
            "SELECT string_agg(external_id, ',' ORDER BY external_id) FROM bot_gateway.webhook_messages"));
    }

    [Fact]
    public async Task A_missing_table_fails_the_run_by_name_after_the_others_are_purged()
    {
        // The bot gateway's schema is never migrated here: its two tables are missing.
        await MigrateAsync("notification");
        await _db.ScalarAsync("notification", """
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, attempts, created_at)
            VALUES (gen_random_uuid(), 'gone-sent', gen_random_uuid(), 'lesson-completed', 'Email', 'Sent', 1, now() - interval '40 days')
            """);

        var result = await RetentionAsync();

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("delivered notifications (> 30 days): deleted 1 rows from notification.deliveries", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"table bot_gateway.outbox_messages does not exist in database {_db.Name}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"table bot_gateway.webhook_messages does not exist in database {_db.Name}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: retention incomplete", result.Stderr, StringComparison.Ordinal);
    }

    private async Task MigrateAsync(params string[] services)
    {
        var migrated = await ThrowawayDatabase.MigrateAsync(_db.LocalSettingsIn(_work), services);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
    }

    private Task<Shell.Result> RetentionAsync() =>
        Shell.RunAsync(ThrowawayDatabase.Script("retention.sh"), [], _db.AdminLogin(
            ("NOTIFICATION_RETENTION_DAYS", "30"), ("FAILED_NOTIFICATION_RETENTION_DAYS", "60"), ("OUTBOX_RETENTION_DAYS", "7"),
            ("INBOX_RETENTION_DAYS", "14"), ("FAILED_INBOX_RETENTION_DAYS", "30"), ("RETENTION_BATCH_SIZE", "1")));
}
