namespace Repitbot.Hosting.Workers;

/// <summary>
/// What one background loop reports about itself: when it last made progress, and whether work is due.
/// A loop that keeps polling calls <see cref="Beat"/> after every pass, work done or none found, so it is
/// always expected to beat. A loop that works only when something arrives (a queue consumer, a nightly job)
/// wraps each piece of work in <see cref="BeginWork"/>: it can stall only while such work is open.
/// </summary>
public sealed class WorkerHeartbeat
{
    private readonly TimeProvider _clock;
    private readonly bool _alwaysDue;
    private long _lastProgress;
    private long _dueSince;
    private int _openWork;

    internal WorkerHeartbeat(string name, TimeSpan stallAfter, bool alwaysDue, TimeProvider clock)
    {
        Name = name;
        StallAfter = stallAfter;
        _alwaysDue = alwaysDue;
        _clock = clock;
        _lastProgress = _dueSince = clock.GetUtcNow().UtcTicks;
    }

    public string Name { get; }

    /// <summary>How long the worker may go without progress while work is due before it counts as stalled.</summary>
    public TimeSpan StallAfter { get; }

    /// <summary>The loop made progress: it finished a piece of work, or looked and found nothing due.</summary>
    public void Beat() => Volatile.Write(ref _lastProgress, _clock.GetUtcNow().UtcTicks);

    /// <summary>Work is due until the returned scope is disposed (an on-demand worker's batch or run).</summary>
    public OpenWork BeginWork()
    {
        if (Interlocked.Increment(ref _openWork) == 1)
        {
            Volatile.Write(ref _dueSince, _clock.GetUtcNow().UtcTicks);
        }

        return new OpenWork(this);
    }

    /// <summary>How long the worker has gone without progress while work was due; zero when nothing is due.</summary>
    public TimeSpan WithoutProgress()
    {
        if (!_alwaysDue && Volatile.Read(ref _openWork) == 0)
        {
            return TimeSpan.Zero;
        }

        var since = Math.Max(Volatile.Read(ref _lastProgress), _alwaysDue ? 0 : Volatile.Read(ref _dueSince));
        return TimeSpan.FromTicks(Math.Max(0, _clock.GetUtcNow().UtcTicks - since));
    }

    public bool IsStalled => WithoutProgress() > StallAfter;

    private void EndWork() => Interlocked.Decrement(ref _openWork);

    /// <summary>One open piece of work; disposing it says the work is no longer due (done, handed back or given up).</summary>
    public readonly struct OpenWork(WorkerHeartbeat heartbeat) : IDisposable
    {
        public void Dispose() => heartbeat.EndWork();
    }
}
