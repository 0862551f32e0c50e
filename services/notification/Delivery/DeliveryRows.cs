using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Delivery;

internal static class DeliveryRows
{
    /// <summary>Adds <paramref name="row"/> unless its idempotency key and channel exist; true when it was added.</summary>
    public static async Task<bool> InsertAsync(NotificationDb db, Delivery row, CancellationToken cancellationToken) =>
        (await InsertManyAsync(db, [row], cancellationToken)).Count == 1;

    /// <summary>
    /// Adds every row of <paramref name="rows"/> whose idempotency key and channel do not exist yet, in one statement;
    /// returns the ids of those added.
    /// </summary>
    public static async Task<HashSet<Guid>> InsertManyAsync(NotificationDb db, IReadOnlyList<Delivery> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var keys = rows.Select(r => r.IdempotencyKey).ToArray();
        var recipients = rows.Select(r => r.RecipientId).ToArray();
        var types = rows.Select(r => r.TemplateKey).ToArray();
        var channels = rows.Select(r => r.Channel.ToString()).ToArray();
        var statuses = rows.Select(r => r.Status.ToString()).ToArray();
        var addresses = rows.Select(r => r.Address).ToArray();
        var data = rows.Select(r => r.Data).ToArray();
        var groups = rows.Select(r => r.GroupKey).ToArray();
        var fallbacks = rows.Select(r => r.FallbackToEmail).ToArray();
        var partitions = rows.Select(r => r.Partition).ToArray();
        var errors = rows.Select(r => r.LastError).ToArray();
        var occurred = rows.Select(r => r.OccurredAt).ToArray();
        var due = rows.Select(r => r.DueAt).ToArray();
        var created = rows.Select(r => r.CreatedAt).ToArray();
        var updated = rows.Select(r => r.UpdatedAt).ToArray();
        var inserted = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, address, data,
                group_key, fallback_to_email, partition, attempts, last_error, occurred_at, due_at, created_at, updated_at)
            SELECT r.id, r.key, r.recipient, r.type, r.channel, r.status, r.address, CAST(r.data AS jsonb),
                r.grp, r.fallback, r.part, 0, r.error, r.occurred, r.due, r.created, r.updated
            FROM unnest({ids}, {keys}, {recipients}, {types}, {channels}, {statuses}, {addresses}, {data},
                {groups}, {fallbacks}, {partitions}, {errors}, {occurred}, {due}, {created}, {updated})
                AS r(id, key, recipient, type, channel, status, address, data, grp, fallback, part, error, occurred, due, created, updated)
            ON CONFLICT (idempotency_key, channel) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return [.. inserted];
    }

    /// <summary>Writes what sending made of <paramref name="row"/>: every column an outcome changes.</summary>
    public static async Task WriteOutcomeAsync(NpgsqlDataSource database, Delivery row, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE notification.deliveries
            SET status = $2, attempts = $3, due_at = $4, locked_until = $5, sent_at = $6, subject = $7, provider_message_id = $8,
                last_error = $9, updated_at = $10
            WHERE id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = row.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = row.Attempts });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = row.DueAt.ToUniversalTime() });
        command.Parameters.Add(Nullable(row.LockedUntil));
        command.Parameters.Add(Nullable(row.SentAt));
        command.Parameters.Add(Nullable(row.Subject));
        command.Parameters.Add(Nullable(row.ProviderMessageId));
        command.Parameters.Add(Nullable(row.LastError));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = row.UpdatedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } at ? at.ToUniversalTime() : DBNull.Value };

    private static NpgsqlParameter Nullable(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    /// <summary>Withdraws what is still waiting in a group (a moved or cancelled lesson's reminders).</summary>
    public static Task<int> WithdrawAsync(NotificationDb db, string groupKey, string type, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE notification.deliveries SET status = 'Suppressed', last_error = {reason}, updated_at = {now}
            WHERE group_key = {groupKey} AND template_key = {type} AND status IN ('Pending', 'Scheduled')
            """, cancellationToken);
}
