using Microsoft.Extensions.Options;

namespace Repitbot.BotGateway.Telegram;

/// <summary>Runs what Telegram__Mode asks for: long polling, the webhook registration, or nothing.</summary>
public sealed class TelegramTransport(IOptions<TelegramOptions> options, IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value switch
    {
        { Mode: TelegramMode.Polling } => services.GetRequiredService<TelegramPolling>().RunAsync(stoppingToken),
        { Mode: TelegramMode.Webhook, WebhookUrl.Length: > 0 } => services.GetRequiredService<WebhookRegistrar>().RunAsync(stoppingToken),
        _ => Task.CompletedTask,
    };
}
