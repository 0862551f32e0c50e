using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.UseCases;

/// <summary>
/// What the busiest intake path needs to know before it writes — is the student linked, was this key
/// recorded, does the lesson exist — read in one round trip instead of three queries. The connection
/// stays open for the context's lifetime, so the save that follows does not rent it from the pool again.
/// </summary>
public sealed record IntakeProbe(bool Linked, RecordedEvent? Earlier, bool LessonExists)
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM bot_gateway.student_links
                       WHERE tutor_id = @tutor AND student_id = @student AND valid_to IS NULL),
               r.tutor_id, r.fingerprint, r.body::text,
               EXISTS (SELECT 1 FROM bot_gateway.lessons WHERE id = @lesson)
        FROM (SELECT 1) AS one
        LEFT JOIN bot_gateway.recorded_events AS r ON r.key = @key
        """;

    public static async Task<IntakeProbe> ReadAsync(BotGatewayDb db, Guid tutorId, Guid studentId, string key,
        Guid lessonId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(command, "tutor", tutorId);
        Add(command, "student", studentId);
        Add(command, "key", key);
        Add(command, "lesson", lessonId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var earlier = reader.IsDBNull(1) ? null : new RecordedEvent
        {
            Key = key, TutorId = reader.GetGuid(1), Fingerprint = reader.GetString(2), Body = reader.GetString(3),
        };
        return new IntakeProbe(reader.GetBoolean(0), earlier, reader.GetBoolean(4));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
