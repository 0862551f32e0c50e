using Npgsql;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Transaction-scoped advisory locks per UTC day: ingestion takes them shared (batches never wait for
/// each other), recomputing a day takes its lock exclusively, so a late event is either in the
/// recomputed rows or added after them, never lost or counted twice.
/// </summary>
public static class DayLocks
{
    private const int Space = 0x414E; // "AN": keeps these locks apart from any other advisory lock

    /// <summary>Ingestion's shared locks, as a statement to send ahead of the batch's first write.</summary>
    public static NpgsqlBatchCommand Shared(IEnumerable<DateOnly> days)
    {
        var command = new NpgsqlBatchCommand(Sql("pg_advisory_xact_lock_shared"));
        command.Parameters.AddWithValue("days", days.Select(d => d.DayNumber).Distinct().ToArray());
        return command;
    }

    public static Task ExclusiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day,
        CancellationToken cancellationToken) =>
        LockAsync("pg_advisory_xact_lock", connection, transaction, [day], cancellationToken);

    private static async Task LockAsync(string function, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql(function), connection, transaction);
        command.Parameters.AddWithValue("days", days.Select(d => d.DayNumber).Distinct().ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Sql(string function) => $"SELECT {function}({Space}, d) FROM unnest(@days) AS d ORDER BY d";
}
