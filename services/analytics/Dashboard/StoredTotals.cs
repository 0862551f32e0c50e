using Npgsql;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;

namespace Repitbot.Analytics.Dashboard;

/// <summary>
/// The dashboard's figures from PostgreSQL, in the Redis day hashes' shape, for when Redis cannot be trusted or
/// reached: the counters and the money from the daily rollups (written in the events' own transaction, so they
/// hold exactly the stored events) and the active students counted exactly from the events.
/// </summary>
public sealed class StoredTotals(NpgsqlDataSource dataSource)
{
    private static readonly string CountersSql =
        $"SELECT {string.Join(", ", Counters.All.Select(c => $"coalesce(sum({c.Name()}), 0)::bigint"))} FROM analytics.daily_tutor_stats";

    /// <summary>Counter names, <c>received:{CUR}</c> and <c>refunded:{CUR}</c>, added up over the UTC days (inclusive).</summary>
    public async Task<Dictionary<string, long>> SumAsync(Guid? tutorId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"{CountersSql} WHERE day BETWEEN $1 AND $2", tutorId, from, to));
        batch.BatchCommands.Add(Command(
            "SELECT currency, sum(received_minor)::bigint, sum(refunded_minor)::bigint FROM analytics.daily_revenue WHERE day BETWEEN $1 AND $2",
            tutorId, from, to, "GROUP BY currency"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        foreach (var counter in Counters.All)
        {
            totals[counter.Name()] = reader.GetInt64((int)counter);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals[RedisKeys.Received(reader.GetString(0))] = reader.GetInt64(1);
            totals[RedisKeys.Refunded(reader.GetString(0))] = reader.GetInt64(2);
        }

        return totals;
    }

    /// <summary>
    /// Students who attended, submitted homework, viewed a material or paid (the events that make one active; see EventEffects)
    /// on the UTC days from..to, by when it happened (<see cref="HappenedAt"/>), as the Redis counts are.
    /// </summary>
    public async Task<long> ActiveStudentsAsync(Guid? tutorId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(DISTINCT student_id) FROM analytics.events
            WHERE occurred_at >= $1 AND {HappenedAt.Sql()} >= $1 AND {HappenedAt.Sql()} < $2 {(tutorId is null ? "" : "AND tutor_id = $3")}
              AND (type IN ('HomeworkSubmitted', 'MaterialViewed', 'PaymentReceived')
                   OR (type = 'LessonCompleted' AND payload->>'outcome' = 'Attended'))
            """);
        command.Parameters.AddWithValue(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (tutorId is { } id)
        {
            command.Parameters.AddWithValue(id);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlBatchCommand Command(string sql, Guid? tutorId, DateOnly from, DateOnly to, string tail = "")
    {
        var command = new NpgsqlBatchCommand($"{sql} {(tutorId is null ? "" : "AND tutor_id = $3")} {tail}");
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        if (tutorId is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id });
        }

        return command;
    }
}
