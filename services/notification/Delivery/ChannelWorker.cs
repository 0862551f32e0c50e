using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Hosting.Workers;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// The worker of one channel. Each channel has its own, so a slow SMTP server holds up only e-mail. One
/// loop claims as many due rows as there are free sending slots and sends them side by side; an idle
/// worker costs one query per poll interval. A slot is given back on every path, a failed claim included:
/// a database outage must cost time, never sending capacity.
/// </summary>
public sealed class ChannelWorker : BackgroundService
{
    private readonly NotificationChannel _channel;
    private readonly IServiceScopeFactory _scopes;
    private readonly DeliveryClaimer _claimer;
    private readonly DeliverySignal _signal;
    private readonly DeliveryOptions _settings;
    private readonly ILogger<ChannelWorker> _logger;
    private readonly WorkerHeartbeat _heartbeat;
    private readonly SendingSlots _slots;

    public ChannelWorker(NotificationChannel channel, IServiceScopeFactory scopes, DeliveryClaimer claimer, DeliverySignal signal,
        IOptions<DeliveryOptions> options, WorkerHeartbeats workers, ILogger<ChannelWorker> logger)
    {
        (_channel, _scopes, _claimer, _signal, _settings, _logger) = (channel, scopes, claimer, signal, options.Value, logger);
        _slots = new SendingSlots(channel == NotificationChannel.Email ? _settings.EmailConcurrency : _settings.TelegramConcurrency);
        _heartbeat = workers.Loop($"notification-{channel.ToString().ToLowerInvariant()}", _settings.PollInterval);
    }

    /// <summary>Sends in flight now (for tests and the stop path).</summary>
    public int InFlight => _slots.InUse;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sends run on their own token: a stop lets them finish (or record their outcome) for a bounded time
        // instead of cutting an e-mail off between the SMTP server's "OK" and the row's "Sent".
        using var sends = new CancellationTokenSource();
        try
        {
            await ClaimLoopAsync(stoppingToken, sends.Token);
        }
        finally
        {
            sends.CancelAfter(ShutdownRegistration.DrainTime);
            await _slots.DrainAsync();
        }
    }

    private async Task ClaimLoopAsync(CancellationToken stoppingToken, CancellationToken sendToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitForFreeAsync(stoppingToken);
                var ids = await _claimer.ClaimAsync(_channel, _slots.Free, _settings.Lease, stoppingToken);
                _heartbeat.Beat();
                if (ids.Count == 0)
                {
                    await _signal.WaitAsync(_channel, _settings.PollInterval, stoppingToken);
                    continue;
                }

                foreach (var id in ids)
                {
                    _slots.Run(token => SendAsync(id, token), sendToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Before migrations ran, or the database is away: claimed rows come back when their lease ends.
                Log.WorkerFailed(_logger, ex, _channel);
                try
                {
                    await Task.Delay(_settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SendAsync(Guid id, CancellationToken sendToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().ProcessAsync(id, sendToken);
            _heartbeat.Beat();
        }
        catch (OperationCanceledException) when (sendToken.IsCancellationRequested)
        {
            // Stopped past the drain time: the lease brings the row back.
        }
        catch (Exception ex)
        {
            Log.SendFailed(_logger, ex, id);
        }
        finally
        {
            // A slot is free: look for more due rows now rather than at the next poll.
            _signal.Wake(_channel);
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
