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
        db.ProcessedUpdates.Add(new ProcessedUpdate { UpdateId = updateId, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (updateId % 1000 == 0)
            {
                // Telegram keeps an update for at most a day, so older claims can never be needed again.
                var before = clock.GetUtcNow().AddDays(-2);
                await db.ProcessedUpdates.Where(u => u.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
            }

            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
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
