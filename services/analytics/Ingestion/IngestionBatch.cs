namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// How events are grouped for one PostgreSQL transaction (three round trips whatever its size) and one
/// pipelined Redis call. Measured with <c>bench.sh</c> (services/analytics/README.md, "Throughput design"):
/// with 200 messages and a prefetch of 400, batches under load averaged about 60 messages, because two
/// batches in flight held the whole prefetch and the next one filled only as acks came back.
/// </summary>
public static class IngestionBatch
{
    /// <summary>Large enough that a batch's fixed cost (round trips, the commit's flush) is a small share per event.</summary>
    public const int Size = 500;

    /// <summary>Two batches in flight: one is being written while the other waits on PostgreSQL or Redis.</summary>
    public const int Concurrency = 2;

    /// <summary>Room for the batches in flight plus the next one filling, so a backlog always gives full batches.</summary>
    public const ushort Prefetch = Size * (Concurrency + 1);

    /// <summary>
    /// A lone event waits at most this long for company. Counted from a batch's first message: when the
    /// consumer is busy, a batch holds what the receive pipeline delivered in this time (about 50 messages
    /// at 50 ms in the measurement above), so a longer limit means larger batches exactly when it matters.
    /// Counting from the last message instead would hold a steady trickle back until the batch is full.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(100);
}
