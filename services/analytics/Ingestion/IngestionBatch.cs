using MassTransit;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// How events are grouped for one database round trip: up to 200 at once, waiting at most 20 ms for a
/// batch to fill so that a lone event is not held back.
/// </summary>
public static class IngestionBatch
{
    public const int Size = 200;
    public const int Prefetch = Size * 2;

    public static void Configure(BatchOptions options) => options
        .SetMessageLimit(Size)
        .SetTimeLimit(TimeSpan.FromMilliseconds(20))
        .SetConcurrencyLimit(2);
}
