using Npgsql;

namespace Repitbot.Notification.Tests.Support;

public sealed record DeliveryRow(Guid Id, string TemplateKey, string Channel, string Status, int Attempts, string? Address,
    string? LastError, DateTimeOffset DueAt)
{
    public static async Task<IReadOnlyList<DeliveryRow>> ForRecipientAsync(NpgsqlDataSource database, Guid recipientId)
    {
        await using var command = database.CreateCommand("""
            SELECT id, template_key, channel, status, attempts, address, last_error, due_at
            FROM notification.deliveries WHERE recipient_id = $1 ORDER BY created_at, channel
            """);
        command.Parameters.AddWithValue(recipientId);
        var rows = new List<DeliveryRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new DeliveryRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    /// <summary>Waits until the recipient's rows satisfy <paramref name="condition"/>; returns the last rows read.</summary>
    public static async Task<IReadOnlyList<DeliveryRow>> WaitForAsync(NpgsqlDataSource database, Guid recipientId,
        Func<IReadOnlyList<DeliveryRow>, bool> condition, TimeSpan? timeout = null)
    {
        IReadOnlyList<DeliveryRow> rows = [];
        await Eventually.Async(async () => condition(rows = await ForRecipientAsync(database, recipientId)),
            timeout ?? Eventually.Timeout);
        return rows;
    }
}
