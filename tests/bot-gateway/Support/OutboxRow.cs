using Npgsql;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>The bot gateway's outbox rows, found by the tutor named in their message body.</summary>
public sealed record OutboxRow(Guid MessageId, string MessageType, string Body, DateTimeOffset? PublishedAt)
{
    public static async Task<IReadOnlyList<OutboxRow>> ForTutorAsync(NpgsqlDataSource database, Guid tutorId)
    {
        await using var command = database.CreateCommand("""
            SELECT message_id, message_type, body::text, published_at
            FROM bot_gateway.outbox_messages
            WHERE (body->>'tutorId')::uuid = $1
            ORDER BY id
            """);
        command.Parameters.AddWithValue(tutorId);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }
}
