using Prometheus;

namespace Repitbot.Analytics.Recovery;

/// <summary>Whether the Redis aggregates are trusted, the losses found and the rebuilds run.</summary>
public static class RecoveryMetrics
{
    public static readonly Gauge Trusted = Metrics.CreateGauge("repitbot_analytics_redis_aggregates_trusted",
        "1 while this replica reads the Redis aggregates, 0 while it answers from PostgreSQL (loss detected, rebuild pending or running, or Redis unreachable).");

    public static readonly Counter LossesDetected = Metrics.CreateCounter("repitbot_analytics_redis_losses_detected_total",
        "Times Redis was found empty, restarted or rolled back to an older state (kind = missing | restarted | rolled_back | mismatch).", "kind");

    public static readonly Counter Rebuilds = Metrics.CreateCounter("repitbot_analytics_redis_rebuilds_total",
        "Rebuilds of the Redis aggregates from PostgreSQL by result (done, abandoned = Redis changed under it, failed).", "result");
}
