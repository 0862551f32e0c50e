using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Runs ingestion from RabbitMQ: the queues are declared and read before the service reports started (an
/// event published after that is not lost), and a lost connection is opened again with growing pauses.
/// Also the readiness check for it.
/// </summary>
public sealed class IngestionHost(IOptions<RabbitMqOptions> options, BatchProcessor processor, TimeProvider clock, ILogger<IngestionHost> logger)
    : IHostedService, IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestReconnectDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopRequested = new();
    private readonly CancellationTokenSource _stopNow = new();
    private readonly ConnectionFactory _factory = new()
    {
        Uri = new Uri(options.Value.Uri!),
        ClientProvidedName = "analytics-ingestion",
        // Reconnection is this class's: a restored channel would start its delivery tags again, and batches
        // in flight would then acknowledge the wrong messages.
        AutomaticRecoveryEnabled = false,
        TopologyRecoveryEnabled = false,
    };

    private volatile IngestionSession? _session;
    private bool _disposed;
    private Task _supervision = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _session = await IngestionSession.OpenAsync(_factory, processor, clock, _stopNow.Token, cancellationToken);
        IngestionLog.Consuming(logger, EventRoute.All.Count, _factory.HostName, _factory.Port, _factory.VirtualHost);
        _supervision = Task.Run(SuperviseAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return; // a test host may be stopped again after its services were disposed
        }

        await _stopRequested.CancelAsync();
        // Past the host's stop time-out, batches still waiting for PostgreSQL or Redis are left to the broker.
        await using var _ = cancellationToken.Register(_stopNow.Cancel);
        await _supervision;
        if (_session is { } session)
        {
            _session = null;
            await session.StopAsync();
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_session is { IsOpen: true }
            ? HealthCheckResult.Healthy($"reading {EventRoute.All.Count} event queues")
            : HealthCheckResult.Unhealthy("RabbitMQ: ingestion is not connected"));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopNow.CancelAsync();
        if (_session is { } session)
        {
            await session.DisposeAsync();
        }

        _stopRequested.Dispose();
        _stopNow.Dispose();
    }

    private async Task SuperviseAsync()
    {
        var stop = _stopRequested.Token;
        while (_session is { } session)
        {
            var lost = await Task.WhenAny(session.Lost, Task.Delay(Timeout.Infinite, stop));
            if (stop.IsCancellationRequested)
            {
                return;
            }

            IngestionLog.ConnectionLost(logger, ((Task<Exception?>)lost).Result);
            _session = null;
            await session.DisposeAsync();
            _session = await ReconnectAsync(stop);
        }
    }

    private async Task<IngestionSession?> ReconnectAsync(CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            var delay = TimeSpan.FromTicks(Math.Min(LongestReconnectDelay.Ticks, FirstReconnectDelay.Ticks << Math.Min(attempt - 1, 8)));
            try
            {
                await Task.Delay(delay, stop);
                return await IngestionSession.OpenAsync(_factory, processor, clock, _stopNow.Token, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                IngestionLog.ReconnectFailed(logger, ex, attempt, delay);
            }
        }
    }
}
