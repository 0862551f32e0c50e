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
    /// <summary>Recompute of a day and ingestion into that day exclude each other (see <see cref="DayLocks"/>).</summary>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<IngestedEvent> batch, TimeSpan redisReplayWindow,
        CancellationToken cancellationToken)
    {
        // Two copies of one event can arrive in one batch; sorted ids lock index entries in one order.
        var events = batch.DistinctBy(e => e.EventId).OrderBy(e => e.EventId).ToList();
        await partitions.EnsureAsync(events.Select(e => EventPartitions.MonthOf(e.OccurredAt)), cancellationToken);
        var now = clock.GetUtcNow();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DayLocks.ShareAsync(connection, transaction, events.Select(e => e.Day), cancellationToken);
        var fresh = await ClaimIdsAsync(connection, transaction, events, now, cancellationToken);
        var stored = events.Where(e => fresh.Contains(e.EventId)).ToList();
        var replay = await RecentDuplicatesAsync(connection, transaction,
            events.Where(e => !fresh.Contains(e.EventId)).Select(e => e.EventId).ToArray(), now - redisReplayWindow, cancellationToken);
        if (stored.Count > 0)
        {
            await InsertEventsAsync(connection, transaction, stored, now, cancellationToken);
            await RollupWriter.AddAsync(connection, transaction, RollupSet.Of(stored), cancellationToken);
            await StudentLinks.ApplyAsync(connection, transaction, stored, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoreResult(stored, events.Where(e => fresh.Contains(e.EventId) || replay.Contains(e.EventId)).ToList());
    }

    private static async Task<HashSet<Guid>> ClaimIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<IngestedEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.event_ids (event_id, occurred_at, received_at)
            SELECT id, at, @now FROM unnest(@ids, @times) AS e(id, at)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", events.Select(e => e.EventId).ToArray());
        command.Parameters.AddWithValue("times", events.Select(e => e.OccurredAt).ToArray());
        return await ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Duplicates first stored within the Redis marker lifetime are offered to Redis again (the markers
    /// drop what was applied): a crash between the PostgreSQL commit and Redis must not lose counts.
    /// Older ones are not, since their markers may have expired.
    /// </summary>
    private static async Task<HashSet<Guid>> RecentDuplicatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid[] duplicates, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (duplicates.Length == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(
            "SELECT event_id FROM analytics.event_ids WHERE event_id = ANY(@ids) AND received_at > @since",
            connection, transaction);
        command.Parameters.AddWithValue("ids", duplicates);
        command.Parameters.AddWithValue("since", since);
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<IngestedEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at)
            SELECT e.id, e.type, e.tutor, e.student, e.at, e.payload::jsonb, @now
            FROM unnest(@ids, @types, @tutors, @students, @times, @payloads) AS e(id, type, tutor, student, at, payload)
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", events.Select(e => e.EventId).ToArray());
        command.Parameters.AddWithValue("types", events.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue("tutors", events.Select(e => e.TutorId).ToArray());
        command.Parameters.Add(StudentLinks.Nullable("students", NpgsqlDbType.Uuid, events.Select(e => (object?)e.StudentId)));
        command.Parameters.AddWithValue("times", events.Select(e => e.OccurredAt).ToArray());
        command.Parameters.AddWithValue("payloads", events.Select(e => e.Payload).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<Guid>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}

/// <summary><see cref="Stored"/>: new in PostgreSQL; <see cref="ForRedis"/>: to offer to the Redis aggregates.</summary>
public sealed record StoreResult(IReadOnlyList<IngestedEvent> Stored, IReadOnlyList<IngestedEvent> ForRedis);
