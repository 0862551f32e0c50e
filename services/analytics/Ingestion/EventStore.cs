using Npgsql;
using NpgsqlTypes;
using Repitbot.Analytics.Data;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Stores a batch of events once and adds only the newly stored ones to the rollups and the student
/// mapping, in one transaction: a redelivered batch changes nothing, a crash changes nothing.
/// Once-only: <c>event_ids</c> (unpartitioned, <c>event_id</c> primary key) is inserted first with
/// ON CONFLICT DO NOTHING; only the ids it returns go on to <c>events</c> and the rollups.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, EventPartitions partitions, TimeProvider clock)
{
    /// <summary>
    /// Three round trips whatever the batch size: the day locks with the once-only claim, then every write
    /// of the new events (and the look-up of recent duplicates), then the commit. Recompute of a day and
    /// ingestion into that day exclude each other (see <see cref="DayLocks"/>).
    /// </summary>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<IngestedEvent> batch, TimeSpan redisReplayWindow,
        CancellationToken cancellationToken)
    {
        // Two copies of one event can arrive in one batch; sorted ids lock index entries in one order.
        var events = batch.DistinctBy(e => e.EventId).OrderBy(e => e.EventId).ToList();
        await partitions.EnsureAsync(events.Select(e => EventPartitions.MonthOf(e.OccurredAt)), cancellationToken);
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        HashSet<Guid> fresh;
        await using (var claim = new NpgsqlBatch(connection, transaction))
        {
            claim.BatchCommands.Add(DayLocks.Shared(events.Select(e => e.Day)));
            claim.BatchCommands.Add(ClaimIds(events, now));
            fresh = await ReadIdsAsync(claim, resultSet: 1, cancellationToken);
        }

        var stored = events.Where(e => fresh.Contains(e.EventId)).ToList();
        var duplicates = events.Where(e => !fresh.Contains(e.EventId)).Select(e => e.EventId).ToArray();
        var replay = new HashSet<Guid>();
        await using (var writes = new NpgsqlBatch(connection, transaction))
        {
            if (duplicates.Length > 0)
            {
                writes.BatchCommands.Add(RecentDuplicates(duplicates, now - redisReplayWindow));
            }

            if (stored.Count > 0)
            {
                writes.BatchCommands.Add(InsertEvents(stored, now));
                foreach (var rollup in RollupWriter.Commands(RollupSet.Of(stored)))
                {
                    writes.BatchCommands.Add(rollup);
                }

                if (StudentLinks.Command(stored) is { } links)
                {
                    writes.BatchCommands.Add(links);
                }
            }

            if (duplicates.Length > 0)
            {
                replay = await ReadIdsAsync(writes, resultSet: 0, cancellationToken);
            }
            else if (writes.BatchCommands.Count > 0)
            {
                await writes.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(stored, events.Where(e => fresh.Contains(e.EventId) || replay.Contains(e.EventId)).ToList());
    }

    private static NpgsqlBatchCommand ClaimIds(List<IngestedEvent> events, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO analytics.event_ids (event_id, occurred_at, received_at)
            SELECT id, at, @now FROM unnest(@ids, @times) AS e(id, at)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", events.Select(e => e.EventId).ToArray());
        command.Parameters.AddWithValue("times", events.Select(e => e.OccurredAt).ToArray());
        return command;
    }

    /// <summary>
    /// Duplicates first stored within the Redis marker lifetime are offered to Redis again (the markers
    /// drop what was applied): a crash between the PostgreSQL commit and Redis must not lose counts.
    /// Older ones are not, since their markers may have expired.
    /// </summary>
    private static NpgsqlBatchCommand RecentDuplicates(Guid[] duplicates, DateTimeOffset since)
    {
        var command = new NpgsqlBatchCommand(
            "SELECT event_id FROM analytics.event_ids WHERE event_id = ANY(@ids) AND received_at > @since");
        command.Parameters.AddWithValue("ids", duplicates);
        command.Parameters.AddWithValue("since", since);
        return command;
    }

    private static NpgsqlBatchCommand InsertEvents(List<IngestedEvent> events, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO analytics.events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at)
            SELECT e.id, e.type, e.tutor, e.student, e.at, e.payload::jsonb, @now
            FROM unnest(@ids, @types, @tutors, @students, @times, @payloads) AS e(id, type, tutor, student, at, payload)
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", events.Select(e => e.EventId).ToArray());
        command.Parameters.AddWithValue("types", events.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue("tutors", events.Select(e => e.TutorId).ToArray());
        command.Parameters.Add(StudentLinks.Nullable("students", NpgsqlDbType.Uuid, events.Select(e => (object?)e.StudentId)));
        command.Parameters.AddWithValue("times", events.Select(e => e.OccurredAt).ToArray());
        command.Parameters.AddWithValue("payloads", events.Select(e => e.Payload).ToArray());
        return command;
    }

    /// <summary>
    /// The ids of one result set of the batch; the rest is read to the end, so that an error in any
    /// later statement is thrown here rather than leaving the transaction silently aborted.
    /// </summary>
    private static async Task<HashSet<Guid>> ReadIdsAsync(NpgsqlBatch batch, int resultSet, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < resultSet; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return ids;
    }
}

/// <summary><see cref="Stored"/>: new in PostgreSQL; <see cref="ForRedis"/>: to offer to the Redis aggregates.</summary>
public sealed record StoreResult(IReadOnlyList<IngestedEvent> Stored, IReadOnlyList<IngestedEvent> ForRedis);
