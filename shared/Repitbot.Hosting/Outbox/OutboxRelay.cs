using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prometheus;
using Repitbot.Contracts;
using Repitbot.Hosting.Workers;

namespace Repitbot.Hosting.Outbox;

/// <summary>
/// Publishes outbox rows to RabbitMQ (MassTransit awaits the broker's publisher confirm) and marks them
/// published. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas share the work
/// and a row is never published by two at once; a crash before the mark means it is sent again, which
/// idempotent consumers absorb. A writer's commit wakes the relay at once (<see cref="OutboxSignal"/>);
/// between wake-ups it polls, less often the longer it finds nothing (<see cref="IdleBackoff"/>).
/// </summary>
internal sealed partial class OutboxRelay<TContext>(IServiceScopeFactory scopes, NpgsqlDataSource database, IBus bus,
    OutboxSignal signal, TimeProvider clock, WorkerHeartbeats workers, ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 200;

    /// <summary>The poll after a pass that found rows.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest poll of an idle relay: it bounds how late rows the signal does not see (another replica's,
    /// left by a stopped process) go out, and readiness counts the relay stalled only after three of these
    /// (at least Workers__StallAfter).
    /// </summary>
    private static readonly TimeSpan LongestIdlePoll = TimeSpan.FromSeconds(16);

    /// <summary>
    /// How long a batch may wait for the broker's confirms. A publish on a channel that died with the broker can
    /// wait for a confirm that never comes; bounded, the batch is tried again on a fresh channel (its rows stay
    /// unpublished, and a second copy of what did go out is absorbed by idempotent consumers).
    /// </summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(15);
    private static readonly Counter Published = Metrics.CreateCounter(
        "repitbot_outbox_published_total", "Outbox messages published to the broker.");
    private static readonly Counter Failures = Metrics.CreateCounter(
        "repitbot_outbox_publish_failures_total", "Outbox batches that failed to publish.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = workers.Loop("outbox-relay", LongestIdlePoll);
        var backoff = new IdleBackoff(PollInterval, LongestIdlePoll);
        string? table = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                table ??= TableName();
                var sent = await RelayBatchAsync(table, stoppingToken);
                heartbeat.Beat();
                failures = 0;
                if (sent == BatchSize)
                {
                    continue; // More is waiting: no pause.
                }

                wait = backoff.After(foundWork: sent > 0);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                Failures.Inc();
                LogRelayFailed(ex, failures);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
                continue;
            }

            try
            {
                if (await signal.WaitAsync(wait, stoppingToken))
                {
                    backoff.After(foundWork: true); // Woken by a write: poll often again while writes come.
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> RelayBatchAsync(string table, CancellationToken cancellationToken)
    {
        await using var batch = await OutboxBatch.ClaimAsync(database, table, BatchSize, cancellationToken);
        if (batch.Rows.Count == 0)
        {
            return 0;
        }

        using (var confirms = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            confirms.CancelAfter(PublishTimeout);
            try
            {
                await Task.WhenAll(batch.Rows.Select(row => PublishAsync(row, confirms.Token)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The broker confirmed no batch of {batch.Rows.Count} outbox messages within {PublishTimeout.TotalSeconds:0} s.");
            }
        }

        await batch.MarkPublishedAsync(clock.GetUtcNow(), cancellationToken);
        Published.Inc(batch.Rows.Count);
        return batch.Rows.Count;
    }

    /// <summary>The outbox table's quoted name, from the service's EF model (never from input).</summary>
    private string TableName()
    {
        using var scope = scopes.CreateScope();
        var entity = scope.ServiceProvider.GetRequiredService<TContext>().Model.FindEntityType(typeof(OutboxMessage))!;
        var schema = entity.GetSchema();
        return schema is null ? $"\"{entity.GetTableName()}\"" : $"\"{schema}\".\"{entity.GetTableName()}\"";
    }

    private Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = OutboxModel.ResolveContract(row.MessageType)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has unknown message type {row.MessageType}.");
        var message = JsonSerializer.Deserialize(row.Body, type, WireFormat.Json)!;
        return bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx => ctx.MessageId = row.MessageId),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Failures} in a row); retrying with back-off")]
    private partial void LogRelayFailed(Exception exception, int failures);
}
