using System.Diagnostics;

namespace Repitbot.LoadTester.Engine;

/// <summary>
/// Starts operations at the schedule's constant arrival rate without waiting for earlier ones to finish
/// (an open model), up to the concurrency limit; every latency counts from the intended start, so time
/// spent queued behind a slow server or a full concurrency limit is part of the figure.
/// </summary>
public sealed class OpenModelRunner(ResultRecorder recorder)
{
    public long Dispatched => Interlocked.Read(ref _dispatched);

    public long InFlight => Interlocked.Read(ref _inFlight);

    private long _dispatched;
    private long _inFlight;

    /// <summary>
    /// Runs the plan; returns how long it took from the first intended start to the last completion.
    /// <paramref name="warmedUp"/> runs between the unrecorded warm-up operations and the measured ones, for a
    /// scenario whose warm-up is finished only when the system under test has processed it.
    /// </summary>
    public async Task<TimeSpan> RunAsync(RunPlan plan, string defaultOperation,
        Func<OperationContext, CancellationToken, Task<Outcome>> operation, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? warmedUp = null)
    {
        for (var i = 0L; i < plan.Warmup; i++)
        {
            using var warm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            warm.CancelAfter(plan.Timeout);
            await operation(new OperationContext(-1 - i, DateTimeOffset.UtcNow), warm.Token);
        }

        if (warmedUp is not null)
        {
            await warmedUp(cancellationToken);
        }

        var planned = plan.Planned;
        using var gate = new SemaphoreSlim(plan.Concurrency);
        var startWall = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        while (_dispatched < planned && !cancellationToken.IsCancellationRequested)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!plan.Schedule.IsOpen && elapsed >= plan.Duration)
            {
                break;
            }

            var due = plan.Schedule.DueBy(elapsed, planned);
            if (due <= _dispatched)
            {
                var wait = plan.Schedule.OffsetOf(_dispatched) - elapsed;
                await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), cancellationToken);
                continue;
            }

            await gate.WaitAsync(cancellationToken);
            var index = _dispatched;
            var offset = plan.Schedule.OffsetOf(index);
            var intended = plan.Schedule.IsOpen ? start + (long)(offset.TotalSeconds * Stopwatch.Frequency) : Stopwatch.GetTimestamp();
            var intendedWall = plan.Schedule.IsOpen ? startWall + offset : DateTimeOffset.UtcNow;
            Interlocked.Increment(ref _dispatched);
            Interlocked.Increment(ref _inFlight);
            _ = RunOneAsync(new OperationContext(index, intendedWall), intended, start, gate, plan.Timeout, defaultOperation,
                operation, cancellationToken);
        }

        // Every slot back means every operation finished (each has its own time limit).
        for (var i = 0; i < plan.Concurrency; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        return Stopwatch.GetElapsedTime(start);
    }

    private async Task RunOneAsync(OperationContext context, long intended, long start, SemaphoreSlim gate, TimeSpan timeout,
        string defaultOperation, Func<OperationContext, CancellationToken, Task<Outcome>> operation, CancellationToken cancellationToken)
    {
        Outcome outcome;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            outcome = await operation(context, limit.Token);
        }
#pragma warning disable CA1031 // Any failure of one operation is a counted error of the run, never the end of it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = Outcome.Failed(defaultOperation, ErrorKinds.For(ex));
        }

        var done = Stopwatch.GetTimestamp();
        recorder.Record(outcome, Latency.MicrosecondsSinceIntended(intended, done, Stopwatch.Frequency),
            Stopwatch.GetElapsedTime(start, done));
        Interlocked.Decrement(ref _inFlight);
        gate.Release();
    }
}
