namespace Repitbot.Ops.Monitoring;

/// <summary>
/// Metrics the dashboards and alerts are written against (their names are fixed in the project
/// brief) that the services on this branch do not emit yet: their queries may return nothing. The
/// test fails as soon as one of them appears, so that it is taken off this list - it only shrinks,
/// and is empty once every service emits its metrics. Nothing else is excused.
/// </summary>
public static class PendingMetrics
{
    public static readonly IReadOnlyList<string> Names =
    [
        // gateway
        "repitbot_gateway_rate_limited_total",
        // bot gateway
        "repitbot_bot_updates_total",
        "repitbot_bot_replies_total",
        // notification
        "repitbot_notification_failures_total",
        "repitbot_notification_retries_total",
        "repitbot_telegram_requests_total",
    ];

    /// <summary>Business-dashboard SQL over events analytics does not store yet, by a string in the query.</summary>
    public static readonly IReadOnlyList<string> SqlMarkers =
    [
        "type = 'PaymentReceived'",
    ];

    public static bool Excuse(string query, IEnumerable<string> markers) =>
        markers.Any(m => query.Contains(m, StringComparison.Ordinal));
}
