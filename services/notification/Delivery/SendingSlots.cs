namespace Repitbot.Notification.Delivery;

/// <summary>
/// A channel's sends in flight, at most <c>capacity</c> at once. A slot is taken by <see cref="Run"/> and
/// given back when that send ends, however it ends, so no failure anywhere can shrink the channel.
/// </summary>
internal sealed class SendingSlots(int capacity)
{
    private readonly object _gate = new();
    private readonly HashSet<Task> _running = [];
    private TaskCompletionSource _slotFreed = NewSignal();

    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public int Free => capacity - InUse;

    public async Task WaitForFreeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task freed;
            lock (_gate)
            {
                if (_running.Count < capacity)
                {
                    return;
                }

                freed = _slotFreed.Task;
            }

            await freed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Starts <paramref name="send"/> in a slot; the caller checked <see cref="Free"/> and is the only one taking slots.</summary>
    public void Run(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var done = NewSignal();
        lock (_gate)
        {
            _running.Add(done.Task);
        }

        _ = RunAsync(done, send, cancellationToken);
    }

    /// <summary>Waits for every send in flight; each ends by itself once its token is cancelled.</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_running);
        }
    }

    private async Task RunAsync(TaskCompletionSource done, Func<CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            // Off the claiming loop at once, whatever part of the send runs synchronously.
            await Task.Yield();
            await send(cancellationToken);
        }
        catch (Exception)
        {
            // The send reports its own failures; the slot must come back whatever escaped it.
        }
        finally
        {
            TaskCompletionSource freed;
            lock (_gate)
            {
                _running.Remove(done.Task);
                freed = _slotFreed;
                _slotFreed = NewSignal();
            }

            done.SetResult();
            freed.SetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
