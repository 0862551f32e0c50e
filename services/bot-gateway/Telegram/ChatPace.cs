using Repitbot.Hosting.Telegram;
using StackExchange.Redis;

namespace Repitbot.BotGateway.Telegram;

/// <summary>
/// Waits for the chat's next slot in the limiter notification uses too, so a reply right after a reply, or a
/// reply next to a notification, keeps Telegram's one message a second per chat instead of drawing a 429.
/// A reply is never dropped for the pace: a chat queued further than <see cref="MaxWait"/> ahead, or a
/// limiter that cannot be asked (Redis down), lets the reply go at once.
/// </summary>
public sealed partial class ChatPace(TelegramRateLimiter limiter, TimeProvider clock, ILogger<ChatPace> logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="call"/> in the chat's turn, and moves the chat's next turn a full interval past its end.</summary>
    public async Task<T> InTurnAsync<T>(long chatId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await WaitTurnAsync(chatId, cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            await FinishAsync(chatId);
        }
    }

    private async Task FinishAsync(long chatId)
    {
        try
        {
            await limiter.FinishedAsync(chatId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnpaced(ex, chatId);
        }
    }

    private async Task WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        try
        {
            wait = await limiter.ReserveAsync(chatId, MaxWait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnpaced(ex, chatId);
            return;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }

        await BeginAsync(chatId, cancellationToken);
    }

    /// <summary>
    /// The slot's wait may end before the chat's previous call has reached Telegram (it woke late, or is still
    /// in flight): wait for that one's end and a full interval more, but never longer than <see cref="MaxWait"/>.
    /// </summary>
    private async Task BeginAsync(long chatId, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + MaxWait;
        try
        {
            for (var more = await limiter.BeginAsync(chatId); more > TimeSpan.Zero && clock.GetUtcNow() < deadline;
                 more = await limiter.BeginAsync(chatId))
            {
                await Task.Delay(more, clock, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnpaced(ex, chatId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Telegram limiter could not be asked; replying to chat {ChatId} unpaced")]
    private partial void LogUnpaced(Exception exception, long chatId);
}
