namespace Repitbot.Gateway.Health;

/// <summary>
/// <c>GET /health</c> is anonymous: without this, every call would fan out to three services. Callers
/// within <see cref="Lifetime"/> of a probe share its result, and concurrent callers share one probe.
/// </summary>
public sealed class SuiteHealthCache(ServiceReadiness readiness, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task<IReadOnlyDictionary<string, ServiceHealth>>? _probe;
    private DateTimeOffset _startedAt;

    public Task<IReadOnlyDictionary<string, ServiceHealth>> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_probe is null || (_probe.IsCompleted && now - _startedAt >= Lifetime))
            {
                // Not the caller's token: other callers wait for this probe too. Each probe has its own timeout.
                _probe = readiness.CheckAllAsync(CancellationToken.None);
                _startedAt = now;
            }

            return _probe.WaitAsync(cancellationToken);
        }
    }
}
