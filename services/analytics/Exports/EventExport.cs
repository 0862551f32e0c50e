using System.Data;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Repitbot.Analytics.Exports;

/// <summary>
/// Streams stored events straight from the database reader to the response, a row at a time, so an
/// export of millions of events holds one row in memory. Each JSON line is also an import line.
/// </summary>
public sealed class EventExport(NpgsqlDataSource dataSource)
{
    private const int FlushEvery = 500;

    public async Task WriteAsync(Stream output, ExportFormat format, ExportPeriod period, Guid? tutorId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT event_id, type, tutor_id, student_id, occurred_at, payload::text FROM analytics.events
            WHERE occurred_at >= @from AND occurred_at < @to {(tutorId is null ? "" : "AND tutor_id = @tutor")}
            ORDER BY occurred_at, event_id
            """, connection);
        command.Parameters.AddWithValue("from", period.Start);
        command.Parameters.AddWithValue("to", period.End);
        if (tutorId is { } id)
        {
            command.Parameters.AddWithValue("tutor", id);
        }

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024);
        if (format == ExportFormat.Csv)
        {
            await writer.WriteAsync("event_id,type,tutor_id,student_id,occurred_at,payload\n");
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        for (var rows = 1; await reader.ReadAsync(cancellationToken); rows++)
        {
            var row = new ExportRow(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5));
            await writer.WriteAsync(format == ExportFormat.Csv ? row.ToCsv() : row.ToJsonLine());
            if (rows % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }
}

public enum ExportFormat { Csv, Jsonl }

internal sealed record ExportRow(Guid EventId, string Type, Guid TutorId, Guid? StudentId, DateTimeOffset OccurredAt, string Payload)
{
    public string ToCsv() =>
        $"{EventId},{Type},{TutorId},{StudentId},{OccurredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ},\"{Payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n";

    public string ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WriteString("eventId", EventId);
            json.WriteString("tutorId", TutorId);
            if (StudentId is { } student)
            {
                json.WriteString("studentId", student);
            }

            json.WriteString("occurredAt", OccurredAt.UtcDateTime);
            json.WritePropertyName("event");
            json.WriteRawValue(Payload, skipInputValidation: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }
}
