using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Repitbot.Analytics.Recovery;

/// <summary>
/// Checks the Redis aggregates against the trust record at start, every <see cref="RecoveryOptions.CheckInterval"/>
/// and at once when the Redis connection comes back; starts a rebuild when they cannot be trusted. Start-up
/// waits for the first check (and a rebuild it starts) for a few seconds, so a healthy service answers from
/// Redis from its first request, and a large rebuild does not hold the start back.
/// </summary>
public sealed class TrustMonitor(TrustLedger ledger, AggregateRebuild rebuild, AggregateTrust trust, IConnectionMultiplexer redis,
    IOptions<RecoveryOptions> options, ILogger<TrustMonitor> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstPassWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        await Task.WhenAny(_firstPass.Task, Task.Delay(FirstPassWait, cancellationToken));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await PassAsync(stopping);
                _firstPass.TrySetResult();
                await _wake.WaitAsync(options.Value.CheckInterval, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping, possibly in the middle of a rebuild: its flag is lifted, the next start looks again.
        }
    }

    private async Task PassAsync(CancellationToken stopping)
    {
        try
        {
            var verdict = await ledger.CheckAsync(stopping);
            if (verdict.Trusted)
            {
                trust.Set(TrustStatus.Trusted, verdict.Generation, verdict.Reason);
                return;
            }

            if (verdict.Loss is { } loss)
            {
                RecoveryLog.LossDetected(logger, loss.Kind, loss.Reason, verdict.Generation);
            }

            trust.Set(TrustStatus.Pending, verdict.Generation, verdict.Reason);
            var outcome = await rebuild.RunAsync(verdict.Generation, stopping);
            if (outcome == RebuildOutcome.Busy)
            {
                RecoveryLog.RebuildElsewhere(logger);
            }
            else if (outcome != RebuildOutcome.Done)
            {
                // NotNeeded: another replica finished first; Abandoned: the next pass looks again. Either way,
                // check at once rather than a whole interval later.
                Wake();
            }
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            RecoveryLog.CheckFailed(logger, ex);
            trust.Distrust($"cannot check: {ex.Message}");
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Interactive)
        {
            trust.Distrust($"Redis connection lost: {e.FailureType}");
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => Wake();

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
