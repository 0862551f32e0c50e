using System.Collections.Concurrent;
using Repitbot.Contracts;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Wakes this instance's channel workers as soon as it adds work, so a new notification does not wait for
/// the next poll; other instances find it at their poll.
/// </summary>
public sealed class DeliverySignal
{
    private readonly ConcurrentDictionary<NotificationChannel, SemaphoreSlim> _signals = new();

    public void Wake(NotificationChannel channel)
    {
        var signal = Signal(channel);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first; one wake-up is enough.
            }
        }
    }

    public async Task WaitAsync(NotificationChannel channel, TimeSpan timeout, CancellationToken cancellationToken) =>
        await Signal(channel).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Signal(NotificationChannel channel) => _signals.GetOrAdd(channel, _ => new SemaphoreSlim(0, 1));
}
