using System.Globalization;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Telegram;
using Repitbot.Notification.Observability;
using Repitbot.Notification.Templates;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Repitbot.Notification.Delivery.Telegram;

/// <summary>
/// Telegram through Telegram.Bot against Telegram__ApiBaseUrl, paced by the shared limiter. 403 (blocked)
/// and 400 "chat not found" end the channel for the person; 429 and 5xx retry.
/// </summary>
public sealed class TelegramChannelSender(IHttpClientFactory http, IOptions<TelegramOptions> options,
    TelegramRateLimiter limiter, ILogger<TelegramChannelSender> logger) : IChannelSender
{
    private const string Method = "sendMessage";
    /// <summary>The longest a worker holds a claimed row waiting for its slot; later slots go back to the schedule.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a row waits in the schedule while the shared pace (Redis) cannot be reached.</summary>
    private static readonly TimeSpan PaceUnavailableWait = TimeSpan.FromSeconds(1);

    public async Task<SendResult> SendAsync(Delivery delivery, RenderedMessage message, string recipientName,
        CancellationToken cancellationToken)
    {
        if (!long.TryParse(delivery.Address, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendResult.Permanent("The recipient has no Telegram chat.", "no_chat", DisableChannel: false);
        }

        try
        {
            if (await PaceAsync(chatId, cancellationToken) is { } later)
            {
                return later;
            }
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            // The shared pace lives in Redis. Without it a message could meet a 429, so the row goes back to the
            // schedule for a moment, never to a lease that runs out (which would announce a second copy that is not).
            return new SendResult.Later(PaceUnavailableWait);
        }

        var settings = options.Value;
        // The library would wait out a 429 inside this call; the durable schedule does that instead.
        var clientOptions = new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 };
        var client = new TelegramBotClient(clientOptions, http.CreateClient(nameof(TelegramChannelSender)), cancellationToken);
        try
        {
            var sent = await client.SendMessage(chatId, message.Body, ParseMode.Html, cancellationToken: cancellationToken);
            Count("ok");
            return new SendResult.Sent(sent.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException ex)
        {
            Count(ex.ErrorCode.ToString(CultureInfo.InvariantCulture));
            return Classify(ex);
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Count("network");
            return new SendResult.Transient($"Telegram unreachable: {ex.Message}", "telegram_unreachable");
        }
        finally
        {
            // The bot gateway's replies to this chat keep a full interval from this message's end.
            await FinishQuietlyAsync(chatId);
        }
    }

    /// <summary>Waits for the chat's slot; a result when the row must go back to the schedule instead.</summary>
    private async Task<SendResult?> PaceAsync(long chatId, CancellationToken cancellationToken)
    {
        var wait = await limiter.ReserveAsync(chatId, MaxWait);
        if (wait < TimeSpan.Zero)
        {
            return new SendResult.Later(-wait);
        }

        await Task.Delay(wait, cancellationToken);
        // The chat's previous call (a bot reply, another instance's message) may still be on its way or just
        // ended: wait for it and a full interval, or give the row back to the schedule when that is far off.
        for (var more = await limiter.BeginAsync(chatId); more > TimeSpan.Zero; more = await limiter.BeginAsync(chatId))
        {
            if (more > MaxWait)
            {
                return new SendResult.Later(more);
            }

            await Task.Delay(more, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Records the call's end for the pace. Redis away must not undo a message Telegram accepted: an exception here
    /// would leave the row unrecorded and send it again. The chat's in-flight marker then expires on its own.
    /// </summary>
    private async Task FinishQuietlyAsync(long chatId)
    {
        try
        {
            await limiter.FinishedAsync(chatId);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            // The message stands; the next sender to this chat finds no end recorded and paces from its own slot,
            // so a reply may follow closer than a full interval. Counted, so a Redis outage shows on the dashboard.
            NotificationMetrics.TelegramPaceUnrecorded.Inc();
            Log.PaceUnrecorded(logger, ex, chatId);
        }
    }

    internal static SendResult Classify(ApiRequestException ex) => ex.ErrorCode switch
    {
        429 => new SendResult.Transient($"Telegram 429: {ex.Message}", "telegram_429",
            ex.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
        >= 500 => new SendResult.Transient($"Telegram {ex.ErrorCode}: {ex.Message}", "telegram_5xx"),
        403 => new SendResult.Permanent($"Telegram 403: {ex.Message}", "telegram_blocked", DisableChannel: true),
        400 when ex.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase) =>
            new SendResult.Permanent($"Telegram 400: {ex.Message}", "telegram_chat_not_found", DisableChannel: true),
        _ => new SendResult.Permanent($"Telegram {ex.ErrorCode}: {ex.Message}", "telegram_refused", DisableChannel: false),
    };

    private static void Count(string result) => NotificationMetrics.TelegramRequests.WithLabels(Method, result).Inc();
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "The end of a Telegram call to chat {ChatId} could not be recorded in Redis; "
        + "the next message to that chat may follow sooner than the chat limit allows.")]
    public static partial void PaceUnrecorded(ILogger logger, Exception exception, long chatId);
}
