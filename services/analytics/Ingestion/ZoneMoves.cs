using Npgsql;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// A tutor's new time zone statement can move days of events already counted: normally none (the statement is made
/// now, about now on), but a statement that arrives after events it precedes (a registration delivered late, a
/// profile change delivered after the tutor's next lessons) moves theirs. Those days are queued for recompute
/// (<c>analytics.rollup_redo</c>, see <see cref="Rollups.RollupRedo"/>) and Redis is marked untrusted, so it is
/// rebuilt from PostgreSQL; both in the transaction that stores the statement, so a crash loses neither.
/// </summary>
public static class ZoneMoves
{
    /// <summary>Queues what the new statements move; answers how many days it queued.</summary>
    public static async Task<int> QueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TutorDays before,
        TutorDays after, IReadOnlyCollection<TutorZone> newZones, IReadOnlyCollection<IngestedEvent> batch,
        CancellationToken cancellationToken)
    {
        var inBatch = batch.Select(e => e.EventId).ToHashSet();
        var moved = new SortedSet<DateOnly>();
        foreach (var tutor in newZones.Select(z => z.TutorId).Distinct())
        {
            // Before a tutor's first statement their first zone applies, so a statement earlier than all the known ones
            // (or the first one at all) can move every event of theirs; otherwise only those from it on.
            var earliest = newZones.Where(z => z.TutorId == tutor).Min(z => z.From);
            var since = before.FirstFrom(tutor) <= earliest ? earliest : (DateTimeOffset?)null;
            await foreach (var (id, happened) in HappenedSinceAsync(connection, transaction, tutor, since, cancellationToken))
            {
                var (was, now) = (before.DayOf(tutor, happened), after.DayOf(tutor, happened));
                if (!inBatch.Contains(id) && was != now)
                {
                    moved.Add(was);
                    moved.Add(now);
                }
            }
        }

        if (moved.Count == 0)
        {
            return 0;
        }

        await using var queue = new NpgsqlBatch(connection, transaction);
        var redo = new NpgsqlBatchCommand("""
            INSERT INTO analytics.rollup_redo (day, queued_at) SELECT d, now() FROM unnest(@days) AS d
            ON CONFLICT (day) DO NOTHING
            """);
        redo.Parameters.AddWithValue("days", moved.ToArray());
        queue.BatchCommands.Add(redo);
        queue.BatchCommands.Add(new NpgsqlBatchCommand("""
            UPDATE analytics.redis_trust
            SET generation = generation + 1, trusted = false, changed_at = now(),
                reason = 'a tutor''s time zone moved the days of stored events'
            WHERE id = 1
            """));
        await queue.ExecuteNonQueryAsync(cancellationToken);
        return moved.Count;
    }

    private static async IAsyncEnumerable<(Guid Id, DateTimeOffset Happened)> HappenedSinceAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid tutor, DateTimeOffset? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An event happens no later than it is recorded (HappenedAt), so occurred_at >= @since prunes the older months.
        await using var command = new NpgsqlCommand($"""
            SELECT event_id, {HappenedAt.Sql()} FROM analytics.events
            WHERE tutor_id = @tutor {(since is null ? "" : $"AND occurred_at >= @since AND {HappenedAt.Sql()} >= @since")}
            """, connection, transaction);
        command.Parameters.AddWithValue("tutor", tutor);
        if (since is { } from)
        {
            command.Parameters.AddWithValue("since", from);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
    }
}
