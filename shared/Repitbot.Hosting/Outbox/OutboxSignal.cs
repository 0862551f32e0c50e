namespace Repitbot.Hosting.Outbox;

/// <summary>Lets a writer wake the relay right after a commit instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer woke the relay first; one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
