using Prometheus;

namespace Repitbot.Hosting.Workers;

/// <summary>The workers' state as gauges, read at each scrape (no timer of its own to stall).</summary>
internal static class WorkerMetrics
{
    private static readonly Gauge Stalled = Metrics.CreateGauge("repitbot_worker_stalled",
        "1 while a background worker makes no progress with work due for longer than its threshold.", "worker");

    private static readonly Gauge SecondsWithoutProgress = Metrics.CreateGauge("repitbot_worker_seconds_without_progress",
        "How long a background worker has gone without progress while work was due (0 when idle).", "worker");

    private static WorkerHeartbeats? _workers;

    public static void Observe(WorkerHeartbeats workers)
    {
        // Test hosts build several services in one process, all sharing the default registry: the newest reports.
        if (Interlocked.Exchange(ref _workers, workers) is null)
        {
            Metrics.DefaultRegistry.AddBeforeCollectCallback(Update);
        }
    }

    private static void Update()
    {
        if (Volatile.Read(ref _workers) is not { } workers)
        {
            return;
        }

        foreach (var worker in workers.All)
        {
            var quiet = worker.WithoutProgress();
            Stalled.WithLabels(worker.Name).Set(quiet > worker.StallAfter ? 1 : 0);
            SecondsWithoutProgress.WithLabels(worker.Name).Set(quiet.TotalSeconds);
        }
    }
}
