using Microsoft.Extensions.Options;
using Repitbot.Analytics.Observability;
using Repitbot.Analytics.Realtime;

namespace Repitbot.Analytics.Ingestion;

/// <summary>PostgreSQL first (the truth), then Redis (rebuildable); both apply each event once.</summary>
public sealed class EventIngestor(EventStore store, RealtimeAggregates aggregates, IOptions<IngestionOptions> options,
    TimeProvider clock)
{
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
            await aggregates.ApplyAsync(result.ForRedis, markerLifetime);
        }

        return result;
    }
}
