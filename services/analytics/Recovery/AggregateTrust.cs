namespace Repitbot.Analytics.Recovery;

public enum TrustStatus
{
    /// <summary>Not checked yet, or the last check could not reach Redis or PostgreSQL.</summary>
    Unknown,

    /// <summary>The generation marker and the Redis server matched what PostgreSQL recorded at the last check.</summary>
    Trusted,

    /// <summary>A loss was detected (or Redis was never built); a rebuild is waiting for the lease.</summary>
    Pending,

    /// <summary>This process is rebuilding the aggregates from PostgreSQL.</summary>
    Rebuilding,
}

public sealed record TrustSnapshot(TrustStatus Status, long Generation, string Reason, DateTimeOffset Since);

/// <summary>
/// This process's view of whether the Redis aggregates may be read, kept by <see cref="TrustMonitor"/>. Anything
/// but <see cref="TrustStatus.Trusted"/> sends the dashboard to PostgreSQL and the result cache out of the way.
/// The generation names the cache entries, so entries written before a loss are never read after it.
/// </summary>
public sealed class AggregateTrust(TimeProvider clock)
{
    private TrustSnapshot _current = new(TrustStatus.Unknown, 0, "not checked yet", clock.GetUtcNow());

    public TrustSnapshot Current => Volatile.Read(ref _current);

    public bool IsTrusted => Current.Status == TrustStatus.Trusted;

    public long Generation => Current.Generation;

    public void Set(TrustStatus status, long generation, string reason)
    {
        var previous = Current;
        var since = previous.Status == status ? previous.Since : clock.GetUtcNow();
        Volatile.Write(ref _current, new TrustSnapshot(status, generation, reason, since));
        RecoveryMetrics.Trusted.Set(status == TrustStatus.Trusted ? 1 : 0);
    }

    /// <summary>Keeps the generation: for a lost connection or a failed check, when nothing new was learnt about it.</summary>
    public void Distrust(string reason) => Set(TrustStatus.Unknown, Generation, reason);
}
