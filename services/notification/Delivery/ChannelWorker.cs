using Microsoft.Extensions.Options;
using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// The workers of one channel. Each channel has its own, so a slow SMTP server holds up only e-mail; within
/// a channel several loops send side by side.
/// </summary>
public sealed class ChannelWorker(NotificationChannel channel, IServiceScopeFactory scopes, DeliveryClaimer claimer,
    DeliverySignal signal, IOptions<DeliveryOptions> options, ILogger<ChannelWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var loops = channel == NotificationChannel.Email ? settings.EmailConcurrency : settings.TelegramConcurrency;
        return Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await claimer.ClaimAsync(channel, settings.Lease, stoppingToken) is not { } id)
                {
                    await signal.WaitAsync(channel, settings.PollInterval, stoppingToken);
                    continue;
                }

                // More may be waiting: let an idle sibling loop look too.
                signal.Wake(channel);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().ProcessAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Before migrations ran, or the database is away: the row's lease brings it back later.
                Log.WorkerFailed(logger, ex, channel);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "The {Channel} delivery worker failed; retrying.")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, NotificationChannel channel);
}
