using Prometheus;

namespace Repitbot.Analytics.Observability;

/// <summary>Ingestion's Prometheus metrics (names fixed with the Grafana dashboards).</summary>
public static class IngestionMetrics
{
    public static readonly Counter Received = Metrics.CreateCounter("repitbot_analytics_events_received_total",
        "Events received by analytics, including redelivered copies.", "type");

    public static readonly Counter Stored = Metrics.CreateCounter("repitbot_analytics_events_stored_total",
        "Events stored for the first time.");

    public static readonly Counter MovedToErrorQueue = Metrics.CreateCounter("repitbot_analytics_events_rejected_total",
        "Messages moved to an analytics error queue (malformed, or failing to store on their own).", "queue");

    public static readonly Counter StoreRetries = Metrics.CreateCounter("repitbot_analytics_store_retries_total",
        "Failed attempts to store a batch that were tried again (PostgreSQL or Redis unavailable, mostly).");

    public static readonly Counter ZoneMoves = Metrics.CreateCounter("repitbot_analytics_rollup_redo_queued_total",
        "Days queued for recompute because a tutor's time zone statement arrived after events it moves to another day.");

    public static readonly Histogram Lag = Metrics.CreateHistogram("repitbot_analytics_ingest_lag_seconds",
        "Time from an event happening to analytics storing it.", new HistogramConfiguration
        {
            Buckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86400],
        });
}
