using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Repitbot.Hosting.Workers;

/// <summary>Readiness turns Degraded, naming each stalled worker, while any loop makes no progress with work due.</summary>
internal sealed class WorkersHealthCheck(WorkerHeartbeats workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stalled = workers.All
            .Select(w => (w.Name, Quiet: w.WithoutProgress(), w.StallAfter))
            .Where(w => w.Quiet > w.StallAfter)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Name} (no progress for {w.Quiet.TotalSeconds:F0} s while work is due)"))
            .ToList();
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy($"{workers.All.Count} workers making progress")
            : HealthCheckResult.Degraded("stalled: " + string.Join("; ", stalled)));
    }
}
