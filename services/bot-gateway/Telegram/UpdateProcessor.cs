using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.BotGateway.Bot;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Observability;
using Telegram.Bot.Types;

namespace Repitbot.BotGateway.Telegram;

/// <summary>
/// Handles each update once: its update_id is claimed in PostgreSQL first, so a resend (Telegram retries
/// when unsure) or a second instance finds it taken. A failure releases the claim so the resend can retry.
/// </summary>
public sealed partial class UpdateProcessor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UpdateProcessor> logger)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(update.Id, cancellationToken))
        {
            BotMetrics.Updates.WithLabels("duplicate").Inc();
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateRouter>().RouteAsync(update, cancellationToken);
        }
        catch (Exception ex)
        {
            LogUpdateFailed(ex, update.Id);
            await ReleaseAsync(update.Id);
            throw;
        }
    }

    private async Task<bool> ClaimAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotGatewayDb>();
        // ON CONFLICT rather than catching the unique violation: a resent update is normal, not an error to log.
        var now = clock.GetUtcNow();
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO bot_gateway.processed_updates (update_id, received_at) VALUES ({updateId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken) == 1;
        if (claimed && updateId % 1000 == 0)
        {
            // Telegram keeps an update for at most a day, so older claims can never be needed again.
            var before = now.AddDays(-2);
            await db.ProcessedUpdates.Where(u => u.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
        }

        return claimed;
    }

    private async Task ReleaseAsync(long updateId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotGatewayDb>();
        await db.ProcessedUpdates.Where(u => u.UpdateId == updateId).ExecuteDeleteAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed; its claim is released so a resend can retry")]
    private partial void LogUpdateFailed(Exception exception, long updateId);
}
