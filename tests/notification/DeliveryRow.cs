using Npgsql;

namespace Repitbot.Notification.Tests;

public sealed record DeliveryRow(string TemplateKey, string Status, int Attempts, string? Address)
{
    public static async Task<IReadOnlyList<DeliveryRow>> ForRecipientAsync(NpgsqlDataSource database, Guid recipientId)
    {
        await using var command = database.CreateCommand(
            "SELECT template_key, status, attempts, address FROM notification.deliveries WHERE recipient_id = $1");
        command.Parameters.AddWithValue(recipientId);
        var rows = new List<DeliveryRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new DeliveryRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }
}
