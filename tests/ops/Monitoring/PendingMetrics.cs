namespace Repitbot.Ops.Monitoring;

/// <summary>
/// Metrics the dashboards and alerts are written against (their names are fixed in the project
/// brief) that the services on this branch do not emit yet: their queries may return nothing. The
/// test fails as soon as one of them appears, so that it is taken off this list - it only shrinks,
/// and is empty once every service emits its metrics. Nothing else is excused.
/// </summary>
public static class PendingMetrics
{
    public static readonly IReadOnlyList<string> Names = [];

    /// <summary>Business-dashboard SQL over events analytics does not store yet, by a string in the query.</summary>
    public static readonly IReadOnlyList<string> SqlMarkers =
    [
        "type = 'PaymentReceived'",
    ];

    public static bool Excuse(string query, IEnumerable<string> markers) =>
        markers.Any(m => query.Contains(m, StringComparison.Ordinal));
}
