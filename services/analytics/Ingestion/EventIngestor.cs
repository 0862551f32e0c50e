using Prometheus;

namespace Repitbot.Analytics.Ingestion;

/// <summary>PostgreSQL first (the truth), then Redis (rebuildable); both apply each event once.</summary>
public sealed class EventIngestor(EventStore store, RealtimeCounters counters)
{
    private static readonly Counter Received = Metrics.CreateCounter("repitbot_analytics_events_received_total",
        "Events received by analytics, including redelivered copies.", "type");
    private static readonly Counter Stored = Metrics.CreateCounter("repitbot_analytics_events_stored_total",
        "Events stored for the first time.");

    public async Task IngestAsync(IReadOnlyList<IngestedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var group in events.GroupBy(e => e.Type))
        {
            Received.WithLabels(group.Key).Inc(group.Count());
        }

        Stored.Inc(await store.StoreAsync(events, cancellationToken));
        await counters.ApplyAsync(events);
    }
}
