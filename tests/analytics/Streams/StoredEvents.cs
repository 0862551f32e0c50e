using System.Text.Json;
using Npgsql;

namespace Repitbot.Analytics.Tests.Streams;

/// <summary>One row of analytics.events, as the test reads it back.</summary>
public sealed record StoredRow(Guid EventId, string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt, JsonElement Payload)
{
    /// <summary>
    /// The UTC day the service should count the row on, written out here independently of the service: a completed lesson
    /// on its own start when that is earlier than when it was recorded, everything else when it was recorded.
    /// </summary>
    public DateOnly Day => DateOnly.FromDateTime(CountsAt.UtcDateTime);

    private DateTimeOffset CountsAt =>
        Type == "LessonCompleted" && Payload.TryGetProperty("startsAt", out var starts) && starts.ValueKind == JsonValueKind.String
            && starts.GetDateTimeOffset() is var startsAt && startsAt < OccurredAt
            ? startsAt
            : OccurredAt;

    public static async Task<List<StoredRow>> ForTutorsAsync(NpgsqlDataSource database, IReadOnlyCollection<Guid> tutors)
    {
        await using var command = database.CreateCommand(
            "SELECT event_id, type, tutor_id, student_id, occurred_at, payload::text FROM analytics.events WHERE tutor_id = ANY($1)");
        command.Parameters.AddWithValue(tutors.ToArray());
        var rows = new List<StoredRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4),
                JsonDocument.Parse(reader.GetString(5)).RootElement.Clone()));
        }

        return rows;
    }
}
