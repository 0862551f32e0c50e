using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Repitbot.Contracts;
using Repitbot.Hosting.Workers;

namespace Repitbot.Hosting.Outbox;

/// <summary>
/// Publishes outbox rows to RabbitMQ (MassTransit awaits the broker's publisher confirm) and marks them
/// published. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas share the work
/// and a row is never published by two at once; a crash before the mark means it is sent again, which
/// idempotent consumers absorb.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal,
    TimeProvider clock, WorkerHeartbeats workers, ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

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
        var heartbeat = workers.Loop("outbox-relay", PollInterval);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RelayBatchAsync(stoppingToken);
                heartbeat.Beat();
                failures = 0;
                if (sent == BatchSize)
                {
                    continue; // More is waiting: no pause.
                }
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
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The table name comes from the EF model, never from input.
#pragma warning disable EF1002
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw($"SELECT * FROM {TableName(db)} WHERE published_at IS NULL ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
#pragma warning restore EF1002
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using (var confirms = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            confirms.CancelAfter(PublishTimeout);
            try
            {
                await Task.WhenAll(batch.Select(row => PublishAsync(row, confirms.Token)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The broker confirmed no batch of {batch.Count} outbox messages within {PublishTimeout.TotalSeconds:0} s.");
            }
        }

        var now = clock.GetUtcNow();
        foreach (var row in batch)
        {
            row.PublishedAt = now;
            row.Attempts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Published.Inc(batch.Count);
        return batch.Count;
    }

    private static string TableName(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
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
