using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Repitbot.BotGateway.Telegram;

/// <summary>In webhook mode with Telegram__WebhookUrl set, tells Telegram where to send updates, with the secret.</summary>
public sealed partial class WebhookRegistrar(ITelegramBotClient bot, IOptions<TelegramOptions> options,
    ILogger<WebhookRegistrar> logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await bot.SetWebhook(settings.WebhookUrl!, secretToken: settings.WebhookSecret,
                    allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: stoppingToken);
                LogRegistered(settings.WebhookUrl!);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt))), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook set to {Url}")]
    private partial void LogRegistered(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "setWebhook failed (attempt {Attempt}); retrying")]
    private partial void LogFailed(Exception exception, int attempt);
}
