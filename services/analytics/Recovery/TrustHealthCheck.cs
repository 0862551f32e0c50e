using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Repitbot.Analytics.Recovery;

/// <summary>
/// <c>redis-aggregates</c> in /health/ready: Degraded (still ready: every answer comes from PostgreSQL
/// meanwhile) while the aggregates are not trusted, with what is happening and since when.
/// </summary>
public sealed class TrustHealthCheck(AggregateTrust trust) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = trust.Current;
        var since = $"since {state.Since:yyyy-MM-ddTHH:mm:ssZ}";
        return Task.FromResult(state.Status switch
        {
            TrustStatus.Trusted => HealthCheckResult.Healthy($"trusted (generation {state.Generation})"),
            TrustStatus.Pending => HealthCheckResult.Degraded($"rebuild pending {since}: {state.Reason}; answering from PostgreSQL"),
            TrustStatus.Rebuilding => HealthCheckResult.Degraded($"rebuilding from PostgreSQL {since}; answering from PostgreSQL"),
            _ => HealthCheckResult.Degraded($"not verified {since}: {state.Reason}; answering from PostgreSQL"),
        });
    }
}
