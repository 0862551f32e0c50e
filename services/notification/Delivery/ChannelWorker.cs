using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Hosting.Workers;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// The worker of one channel. Each channel has its own, so a slow SMTP server holds up only e-mail. One
/// loop claims as many due rows as there are free sending slots and sends them side by side; a row planned
/// here is claimed at once (the planner wakes the loop), and an idle worker costs one query per poll interval.
/// A slot is given back on every path, a failed claim included: a database outage must cost time, never
/// sending capacity.
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

    /// <summary>
    /// Whether a finished send makes the loop claim again. Telegram: rows the pace put back come due within a second,
    /// and looking again after each send keeps the channel near its cap. E-mail: nothing a send does makes another
    /// row due (a fallback wakes the loop itself); a loop with every slot busy waits for this slot anyway
    /// (SendingSlots), so waking it cost an empty claim query per e-mail whenever the channel was not full.
    /// </summary>
    private readonly bool _lookAgainAfterSend;

    public ChannelWorker(NotificationChannel channel, IServiceScopeFactory scopes, DeliveryClaimer claimer, DeliverySignal signal,
        IOptions<DeliveryOptions> options, WorkerHeartbeats workers, ILogger<ChannelWorker> logger)
    {
        (_channel, _scopes, _claimer, _signal, _settings, _logger) = (channel, scopes, claimer, signal, options.Value, logger);
        _slots = new SendingSlots(channel == NotificationChannel.Email ? _settings.EmailConcurrency : _settings.TelegramConcurrency);
        _lookAgainAfterSend = channel == NotificationChannel.Telegram;
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
                var limit = _slots.Free;
                var ids = await _claimer.ClaimAsync(_channel, limit, _settings.Lease, stoppingToken);
                _heartbeat.Beat();
                foreach (var id in ids)
                {
                    _slots.Run(token => SendAsync(id, token), sendToken);
                }

                if (ids.Count < limit)
                {
                    // Nothing else was due: wait for the next row this instance plans (it wakes the signal, also one
                    // planned while this claim ran) or for the poll, which finds rows come due by time or from
                    // other instances. Claiming again at once would only cost an empty query.
                    await _signal.WaitAsync(_channel, _settings.PollInterval, stoppingToken);
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
            if (_lookAgainAfterSend)
            {
                _signal.Wake(_channel);
            }
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
