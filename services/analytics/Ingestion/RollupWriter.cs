using Npgsql;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Adds a <see cref="RollupSet"/> to the rollup tables with one multi-row upsert per table, all sent in one round trip. Rows go in
/// key order so that concurrent batches lock shared rows in the same order (no deadlocks).
/// </summary>
public static class RollupWriter
{
    private static readonly string StatsSql = BuildStatsSql();

    /// <summary>All upserts in one round trip (the day recompute's path).</summary>
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RollupSet set,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in Commands(set))
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>One multi-row upsert per rollup table that has rows, for the caller to send with its other statements.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(RollupSet set)
    {
        if (set.Stats.Count > 0)
        {
            var stats = new NpgsqlBatchCommand(StatsSql);
            stats.Parameters.AddWithValue("tutors", set.Stats.Keys.Select(k => k.TutorId).ToArray());
            stats.Parameters.AddWithValue("days", set.Stats.Keys.Select(k => k.Day).ToArray());
            foreach (var counter in Counters.All)
            {
                stats.Parameters.AddWithValue(counter.Name(), set.Stats.Values.Select(v => (int)v[counter]).ToArray());
            }

            yield return stats;
        }

        if (set.Money.Count > 0)
        {
            var money = new NpgsqlBatchCommand("""
                INSERT INTO analytics.daily_revenue (tutor_id, day, currency, received_minor, refunded_minor)
                SELECT * FROM unnest(@tutors, @days, @currencies, @received, @refunded)
                ON CONFLICT (tutor_id, day, currency) DO UPDATE SET
                    received_minor = daily_revenue.received_minor + excluded.received_minor,
                    refunded_minor = daily_revenue.refunded_minor + excluded.refunded_minor
                """);
            money.Parameters.AddWithValue("tutors", set.Money.Keys.Select(k => k.TutorId).ToArray());
            money.Parameters.AddWithValue("days", set.Money.Keys.Select(k => k.Day).ToArray());
            money.Parameters.AddWithValue("currencies", set.Money.Keys.Select(k => k.Currency).ToArray());
            money.Parameters.AddWithValue("received", set.Money.Values.Select(v => v.Received).ToArray());
            money.Parameters.AddWithValue("refunded", set.Money.Values.Select(v => v.Refunded).ToArray());
            yield return money;
        }

        if (set.Cancellations.Count > 0)
        {
            var cancelled = new NpgsqlBatchCommand("""
                INSERT INTO analytics.daily_cancellations (tutor_id, day, cancelled_by, reason, cancelled)
                SELECT * FROM unnest(@tutors, @days, @by, @reasons, @counts)
                ON CONFLICT (tutor_id, day, cancelled_by, reason) DO UPDATE SET
                    cancelled = daily_cancellations.cancelled + excluded.cancelled
                """);
            cancelled.Parameters.AddWithValue("tutors", set.Cancellations.Keys.Select(k => k.TutorId).ToArray());
            cancelled.Parameters.AddWithValue("days", set.Cancellations.Keys.Select(k => k.Day).ToArray());
            cancelled.Parameters.AddWithValue("by", set.Cancellations.Keys.Select(k => k.By).ToArray());
            cancelled.Parameters.AddWithValue("reasons", set.Cancellations.Keys.Select(k => k.Reason).ToArray());
            cancelled.Parameters.AddWithValue("counts", set.Cancellations.Values.Select(v => (int)v).ToArray());
            yield return cancelled;
        }
    }

    private static string BuildStatsSql()
    {
        var columns = Counters.All.Select(c => c.Name()).ToArray();
        return $"""
            INSERT INTO analytics.daily_tutor_stats (tutor_id, day, {string.Join(", ", columns)})
            SELECT * FROM unnest(@tutors, @days, {string.Join(", ", columns.Select(c => "@" + c))})
            ON CONFLICT (tutor_id, day) DO UPDATE SET
                {string.Join(",\n    ", columns.Select(c => $"{c} = daily_tutor_stats.{c} + excluded.{c}"))}
            """;
    }
}
