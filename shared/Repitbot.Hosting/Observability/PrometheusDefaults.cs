using Prometheus;

namespace Repitbot.Hosting.Observability;

/// <summary>
/// prometheus-net by default also republishes every .NET <c>Meter</c> and EventCounter, which puts a
/// listener callback on each HTTP request served and each HTTP call made: measured on the gateway, a
/// large share of its per-request CPU. No dashboard or alert reads those series (they read the
/// middleware's <c>http_request_*</c>, the process and runtime metrics, and our own), so they are off.
/// </summary>
public static class PrometheusDefaults
{
    private static int _applied;

    public static void Apply()
    {
        // Once per process: test hosts build many applications in one process.
        if (Interlocked.Exchange(ref _applied, 1) == 0)
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressMeters = true,
                SuppressEventCounters = true,
                SuppressProcessMetrics = false,
                SuppressDebugMetrics = false,
            });
        }
    }
}
