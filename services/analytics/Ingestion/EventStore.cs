using Npgsql;
using NpgsqlTypes;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Stores a batch of events once (<c>event_id</c> is the key) and adds only the newly stored ones to the
/// daily rollups, in one transaction: a redelivered batch changes nothing, a crash changes nothing.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<int> StoreAsync(IReadOnlyList<IngestedEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await InsertEventsAsync(connection, transaction, events, cancellationToken);
        // Two copies of one event can arrive in one batch: count each stored event once.
        var deltas = events.DistinctBy(e => e.EventId).Where(e => stored.Contains(e.EventId) && !e.Delta.IsEmpty)
            .GroupBy(e => (e.TutorId, e.Day))
            .Select(g => (g.Key.TutorId, g.Key.Day, Delta: g.Aggregate(default(DailyCounters), (sum, e) => sum + e.Delta)))
            .ToList();
        if (deltas.Count > 0)
        {
            await UpsertRollupsAsync(connection, transaction, deltas, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored.Count;
    }

    private async Task<HashSet<Guid>> InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<IngestedEvent> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at)
            SELECT e.id, e.type, e.tutor, e.student, e.at, e.payload::jsonb, @now
            FROM unnest(@ids, @types, @tutors, @students, @times, @payloads) AS e(id, type, tutor, student, at, payload)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """, connection, transaction);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("ids", events.Select(e => e.EventId).ToArray());
        command.Parameters.AddWithValue("types", events.Select(e => e.Type).ToArray());
        command.Parameters.AddWithValue("tutors", events.Select(e => e.TutorId).ToArray());
        command.Parameters.Add(new NpgsqlParameter("students", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
        {
            Value = events.Select(e => (object?)e.StudentId ?? DBNull.Value).ToArray(),
        });
        command.Parameters.AddWithValue("times", events.Select(e => e.OccurredAt).ToArray());
        command.Parameters.AddWithValue("payloads", events.Select(e => e.Payload).ToArray());

        var stored = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetGuid(0));
        }

        return stored;
    }

    private static async Task UpsertRollupsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<(Guid TutorId, DateOnly Day, DailyCounters Delta)> deltas, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.daily_tutor_stats (tutor_id, day, lessons_completed, no_shows, minutes_taught)
            SELECT * FROM unnest(@tutors, @days, @lessons, @noshows, @minutes)
            ON CONFLICT (tutor_id, day) DO UPDATE SET
                lessons_completed = daily_tutor_stats.lessons_completed + excluded.lessons_completed,
                no_shows = daily_tutor_stats.no_shows + excluded.no_shows,
                minutes_taught = daily_tutor_stats.minutes_taught + excluded.minutes_taught
            """, connection, transaction);
        command.Parameters.AddWithValue("tutors", deltas.Select(d => d.TutorId).ToArray());
        command.Parameters.AddWithValue("days", deltas.Select(d => d.Day).ToArray());
        command.Parameters.AddWithValue("lessons", deltas.Select(d => (int)d.Delta.LessonsCompleted).ToArray());
        command.Parameters.AddWithValue("noshows", deltas.Select(d => (int)d.Delta.NoShows).ToArray());
        command.Parameters.AddWithValue("minutes", deltas.Select(d => (int)d.Delta.MinutesTaught).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
