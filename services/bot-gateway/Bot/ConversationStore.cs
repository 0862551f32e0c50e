using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.Bot;

/// <summary>Where a chat is in a multi-step flow, kept in PostgreSQL so that any instance can continue it.</summary>
public sealed class ConversationStore(BotGatewayDb db, TimeProvider clock)
{
    /// <summary>A flow left alone this long is forgotten: the next text is treated as new.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public async Task<(string Flow, Dictionary<string, string> Data)?> GetAsync(long chatId, CancellationToken cancellationToken)
    {
        var row = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ChatId == chatId, cancellationToken);
        return row is null || row.UpdatedAt < clock.GetUtcNow() - Lifetime
            ? null
            : (row.Flow, JsonSerializer.Deserialize<Dictionary<string, string>>(row.Data) ?? []);
    }

    public async Task StartAsync(long chatId, string flow, Dictionary<string, string> data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data);
        var now = clock.GetUtcNow();
        // An upsert: two instances answering two quick button presses must not collide on the key.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO bot_gateway.conversations (chat_id, flow, data, updated_at)
            VALUES ({chatId}, {flow}, {json}::jsonb, {now})
            ON CONFLICT (chat_id) DO UPDATE SET flow = excluded.flow, data = excluded.data, updated_at = excluded.updated_at
            """, cancellationToken);
    }

    public Task ClearAsync(long chatId, CancellationToken cancellationToken) =>
        db.Conversations.Where(c => c.ChatId == chatId).ExecuteDeleteAsync(cancellationToken);
}
