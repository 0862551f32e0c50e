namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Wakes this process's worker when a job is queued here; other replicas find it by polling.</summary>
public sealed class ReportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look once more, which covers this job too.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
