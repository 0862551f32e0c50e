using Microsoft.Extensions.Options;
using Repitbot.Hosting.Workers;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Repitbot.BotGateway.Telegram;

/// <summary>Long polling for local runs: getUpdates in a loop, acknowledging each batch by its next offset.</summary>
public sealed partial class TelegramPolling(ITelegramBotClient bot, UpdateProcessor processor, IOptions<TelegramOptions> options,
    WorkerHeartbeats workers, ILogger<TelegramPolling> logger)
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var heartbeat = workers.Loop("bot-telegram-polling", TimeSpan.FromSeconds(options.Value.PollingTimeoutSeconds + 5));
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (offset is null)
                {
                    // getUpdates is refused while a webhook is set.
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                }

                var updates = await bot.GetUpdates(offset ?? 0, 100, options.Value.PollingTimeoutSeconds, Wanted, stoppingToken);
                foreach (var update in updates)
                {
                    try
                    {
                        await processor.ProcessAsync(update, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Logged by the processor; one bad update must not stop the bot.
                        LogSkipped(ex, update.Id);
                    }

                    offset = update.Id + 1;
                }

                offset ??= 0;
                failures = 0;
                heartbeat.Beat();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogPollFailed(ex, failures);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Failures} in a row); retrying with back-off")]
    private partial void LogPollFailed(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} skipped after a failure")]
    private partial void LogSkipped(Exception exception, int updateId);
}
