using Npgsql;
using NpgsqlTypes;

namespace Repitbot.Analytics.Ingestion;

/// <summary>The statements of <see cref="EventStore"/>'s batches, and reading ids back from a batch.</summary>
internal static class EventStatements
{
    public static NpgsqlBatchCommand ClaimIds(List<IngestedEvent> events, DateTimeOffset now)
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
    public static NpgsqlBatchCommand RecentDuplicates(Guid[] duplicates, DateTimeOffset since)
    {
        var command = new NpgsqlBatchCommand(
            "SELECT event_id FROM analytics.event_ids WHERE event_id = ANY(@ids) AND received_at > @since");
        command.Parameters.AddWithValue("ids", duplicates);
        command.Parameters.AddWithValue("since", since);
        return command;
    }

    public static NpgsqlBatchCommand InsertEvents(List<IngestedEvent> events, DateTimeOffset now)
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
    public static async Task<HashSet<Guid>> ReadIdsAsync(NpgsqlBatch batch, int resultSet, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < resultSet; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        return await ReadIdsAsync(reader, cancellationToken);
    }

    /// <summary>The ids of the reader's current result set, then the rest read to the end (see above).</summary>
    public static async Task<HashSet<Guid>> ReadIdsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
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
