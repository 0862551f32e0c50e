using Microsoft.Extensions.Options;
using Repitbot.Analytics.Observability;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Realtime;

namespace Repitbot.Analytics.Ingestion;

/// <summary>PostgreSQL first (the truth), then Redis (rebuildable); both apply each event once.</summary>
public sealed class EventIngestor(EventStore store, RealtimeAggregates aggregates, IOptions<IngestionOptions> options,
    TimeProvider clock)
{
    private static readonly TimeSpan RebuildPoll = TimeSpan.FromMilliseconds(100);

    public async Task<StoreResult> IngestAsync(IReadOnlyList<IngestedEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return new StoreResult([], []);
        }

        foreach (var group in events.GroupBy(e => e.Type))
        {
            IngestionMetrics.Received.WithLabels(group.Key).Inc(group.Count());
        }

        var markerLifetime = options.Value.MarkerLifetime;
        // Replay to Redis only well inside the marker lifetime, so a replayed event still finds its marker.
        var result = await store.StoreAsync(events, markerLifetime / 2, cancellationToken);
        IngestionMetrics.Stored.Inc(result.Stored.Count);
        var now = clock.GetUtcNow();
        foreach (var e in result.Stored)
        {
            IngestionMetrics.Lag.Observe(Math.Max(0, (now - e.OccurredAt).TotalSeconds));
        }

        if (result.ForRedis.Count > 0)
        {
            await ApplyToRedisAsync(result.ForRedis, markerLifetime, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Waits out a rebuild here, with the batch stored and not yet acknowledged: going back to the batch's
    /// retry would wait up to 30 s after the rebuild ended, and the events would stay out of Redis that long.
    /// </summary>
    private async Task ApplyToRedisAsync(IReadOnlyList<IngestedEvent> events, TimeSpan markerLifetime, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await aggregates.ApplyAsync(events, markerLifetime);
                return;
            }
            catch (AggregatesRebuildingException)
            {
                await Task.Delay(RebuildPoll, clock, cancellationToken);
            }
        }
    }
}
