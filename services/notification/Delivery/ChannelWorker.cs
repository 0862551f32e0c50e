using Microsoft.Extensions.Options;
using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// The worker of one channel. Each channel has its own, so a slow SMTP server holds up only e-mail. One
/// loop claims as many due rows as there are free sending slots and sends them side by side; an idle
/// worker costs one query per poll interval.
/// </summary>
public sealed class ChannelWorker(NotificationChannel channel, IServiceScopeFactory scopes, DeliveryClaimer claimer,
    DeliverySignal signal, IOptions<DeliveryOptions> options, ILogger<ChannelWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var concurrency = channel == NotificationChannel.Email ? settings.EmailConcurrency : settings.TelegramConcurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var ids = await claimer.ClaimAsync(channel, slots.CurrentCount + 1, settings.Lease, stoppingToken);
                if (ids.Count == 0)
                {
                    slots.Release();
                    await signal.WaitAsync(channel, settings.PollInterval, stoppingToken);
                    continue;
                }

                // Only this loop takes slots, so the ones counted free above are still free.
                for (var i = 1; i < ids.Count; i++)
                {
                    await slots.WaitAsync(stoppingToken);
                }

                foreach (var id in ids)
                {
                    _ = SendAsync(id, slots, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Before migrations ran, or the database is away: claimed rows come back when their lease ends.
                Log.WorkerFailed(logger, ex, channel);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task SendAsync(Guid id, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().ProcessAsync(id, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.SendFailed(logger, ex, id);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the lease brings the row back.
        }
        finally
        {
            slots.Release();
            // A slot is free: look for more due rows now rather than at the next poll.
            signal.Wake(channel);
        }
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Warning, "The {Channel} delivery worker failed; retrying.")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, NotificationChannel channel);

    [LoggerMessage(LogLevel.Error, "Sending notification {Id} failed; it is retried when its lease ends.")]
    public static partial void SendFailed(ILogger logger, Exception exception, Guid id);
}
