using Npgsql;
using NpgsqlTypes;

namespace Repitbot.Hosting.Outbox;

/// <summary>
/// One relay pass's rows, claimed with <c>FOR UPDATE SKIP LOCKED</c> in a transaction that stays open until
/// <see cref="MarkPublishedAsync"/> commits it; disposing an unmarked batch rolls it back, so its rows stay
/// unpublished and its connection goes back to the pool on every path. Plain Npgsql rather than EF Core: the
/// relay runs once per committed write, and the DbContext, change tracking and query pipeline were a third of
/// its cost for three statements that never change.
/// </summary>
internal sealed class OutboxBatch : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _table;

    private OutboxBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<OutboxMessage> rows) =>
        (_connection, _transaction, _table, Rows) = (connection, transaction, table, rows);

    public IReadOnlyList<OutboxMessage> Rows { get; }

    /// <summary>Claims up to <paramref name="limit"/> unpublished rows of <paramref name="table"/> (a quoted name from the EF model).</summary>
    public static async Task<OutboxBatch> ClaimAsync(NpgsqlDataSource database, string table, int limit, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            // Npgsql sends BEGIN with the first statement: one round trip for both.
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"SELECT id, message_id, message_type, body::text FROM {table} " +
                $"WHERE published_at IS NULL ORDER BY id LIMIT {limit} FOR UPDATE SKIP LOCKED", connection, transaction);
            var rows = new List<OutboxMessage>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(new OutboxMessage
                    {
                        Id = reader.GetInt64(0), MessageId = reader.GetGuid(1), MessageType = reader.GetString(2),
                        Body = reader.GetString(3),
                    });
                }
            }

            return new OutboxBatch(connection, transaction, table, rows);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Marks every row of the batch published at <paramref name="now"/> and commits the claim.</summary>
    public async Task MarkPublishedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand(
            $"UPDATE {_table} SET published_at = $1, attempts = attempts + 1 WHERE id = ANY($2)", _connection, _transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. Rows.Select(r => r.Id)] });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Rolls back unless committed, then gives the connection back.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
