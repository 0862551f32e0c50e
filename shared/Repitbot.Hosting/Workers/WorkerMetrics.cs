using Prometheus;

namespace Repitbot.Hosting.Workers;

/// <summary>The workers' state as gauges, read at each scrape (no timer of its own to stall).</summary>
internal static class WorkerMetrics
{
    private static readonly Gauge Stalled = Metrics.CreateGauge("repitbot_worker_stalled",
        "1 while a background worker makes no progress with work due for longer than its threshold.", "worker");

    private static readonly Gauge SecondsWithoutProgress = Metrics.CreateGauge("repitbot_worker_seconds_without_progress",
        "How long a background worker has gone without progress while work was due (0 when idle).", "worker");

    // Test hosts build several services in one process, all sharing the default registry: each worker name
    // reports its worst state across them.
    private static readonly List<WeakReference<WorkerHeartbeats>> Registries = [];

    public static void Observe(WorkerHeartbeats workers)
    {
        lock (Registries)
        {
            if (Registries.Count == 0)
            {
                Metrics.DefaultRegistry.AddBeforeCollectCallback(Update);
            }

            Registries.Add(new WeakReference<WorkerHeartbeats>(workers));
        }
    }

    private static void Update()
    {
        List<WorkerHeartbeat> all;
        lock (Registries)
        {
            Registries.RemoveAll(r => !r.TryGetTarget(out _));
            all = [.. Registries.SelectMany(r => r.TryGetTarget(out var workers) ? workers.All : [])];
        }

        foreach (var worker in all.GroupBy(w => w.Name, StringComparer.Ordinal))
        {
            var quiet = worker.Max(w => w.WithoutProgress());
            Stalled.WithLabels(worker.Key).Set(worker.Any(w => w.IsStalled) ? 1 : 0);
            SecondsWithoutProgress.WithLabels(worker.Key).Set(quiet.TotalSeconds);
        }
    }
}
