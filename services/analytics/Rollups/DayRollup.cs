using Npgsql;
using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Rollups;

/// <summary>
/// Recomputes one day's rollups from the stored events (each tutor's own day, <see cref="TutorDays"/>): delete the day's
/// rows, add them up again through the same mapping ingestion uses, in one transaction holding the day's exclusive lock
/// (ingestion into that day waits, see <see cref="DayLocks"/>). Running it twice changes nothing.
/// </summary>
public sealed class DayRollup(NpgsqlDataSource dataSource)
{
    public async Task<DayRollupReport> RecomputeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var report = await RecomputeAsync(connection, transaction, day, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>The recompute inside the caller's transaction, which commits it.</summary>
    public static async Task<DayRollupReport> RecomputeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day,
        CancellationToken cancellationToken)
    {
        await DayLocks.ExclusiveAsync(connection, transaction, day, cancellationToken);
        foreach (var table in new[] { "daily_tutor_stats", "daily_revenue", "daily_cancellations" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM analytics.{table} WHERE day = @day", connection, transaction);
            delete.Parameters.AddWithValue("day", day);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // Read fully before writing: one connection cannot run a command while a reader is open.
        var events = new List<IngestedEvent>();
        await foreach (var e in StoredEvents.ReadAsync(connection, transaction, day, day, null, cancellationToken))
        {
            events.Add(e);
        }

        var rollups = RollupSet.Of(events);
        await RollupWriter.AddAsync(connection, transaction, rollups, cancellationToken);
        return new DayRollupReport(day, events.Count, rollups.Stats.Count);
    }
}

public sealed record DayRollupReport(DateOnly Day, int Events, int TutorDays);
