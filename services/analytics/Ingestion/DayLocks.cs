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

    public static Task ShareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<DateOnly> days,
        CancellationToken cancellationToken) =>
        LockAsync("pg_advisory_xact_lock_shared", connection, transaction, days, cancellationToken);

    public static Task ExclusiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day,
        CancellationToken cancellationToken) =>
        LockAsync("pg_advisory_xact_lock", connection, transaction, [day], cancellationToken);

    private static async Task LockAsync(string function, NpgsqlConnection connection, NpgsqlTransaction transaction,
        IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {function}({Space}, d) FROM unnest(@days) AS d ORDER BY d", connection, transaction);
        command.Parameters.AddWithValue("days", days.Select(d => d.DayNumber).Distinct().ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
