using System.Data;
using Npgsql;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Admin;

/// <summary>
/// Stored events that count on a span of days (<see cref="TutorDays"/>: the tutor's day of <see cref="HappenedAt"/>), read
/// back one at a time (for one tutor or all), as ingestion saw them, each with its day.
/// </summary>
public sealed class StoredEvents(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<IngestedEvent> ReadAsync(DateOnly from, DateOnly to, Guid? tutorId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await foreach (var e in ReadAsync(connection, null, from, to, tutorId, cancellationToken))
        {
            yield return e;
        }
    }

    public static async IAsyncEnumerable<IngestedEvent> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        DateOnly from, DateOnly to, Guid? tutorId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var days = await TutorDays.LoadAsync(connection, transaction, tutorId is { } one ? [one] : null, cancellationToken);
        // A tutor's day lies within a day either side of the UTC day of the same date (offsets are within ±14 h).
        await using var command = new NpgsqlCommand($"""
            SELECT type, payload::text FROM analytics.events
            WHERE {HappenedAt.InPeriodSql()} {(tutorId is null ? "" : "AND tutor_id = @tutor")}
            """, connection, transaction);
        command.Parameters.AddWithValue("from", new DateTimeOffset(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue("to", new DateTimeOffset(to.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (tutorId is { } id)
        {
            command.Parameters.AddWithValue("tutor", id);
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (type, payload) = (reader.GetString(0), reader.GetString(1));
            if (EventTypes.Deserialize(type, payload) is { } e && days.Assign(IngestedEvent.From(e, payload)) is var counted
                && counted.Day >= from && counted.Day <= to)
            {
                yield return counted;
            }
        }
    }

    /// <summary>
    /// A span of days that holds every day a stored event (of the tutor) counts on, or null when there is none: the UTC days of
    /// the first and last, a day wider on each side for the tutors' time zones. Only a completed
    /// lesson can count before it was recorded, so those are the only rows read beyond <c>event_ids</c>.
    /// </summary>
    public async Task<(DateOnly From, DateOnly To)?> SpanAsync(Guid? tutorId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(tutorId is null
            ? $"""
                SELECT least(min(occurred_at), (SELECT min({HappenedAt.Sql()}) FROM analytics.events WHERE type = 'LessonCompleted')),
                       max(occurred_at)
                FROM analytics.event_ids
                """
            : $"SELECT min({HappenedAt.Sql()}), max(occurred_at) FROM analytics.events WHERE tutor_id = $1");
        if (tutorId is { } id)
        {
            command.Parameters.AddWithValue(id);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? null
            : (DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(0).UtcDateTime).AddDays(-1),
                DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(1).UtcDateTime).AddDays(1));
    }
}
