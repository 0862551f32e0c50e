using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Reads one event queue on a channel of its own. Deliveries are parsed and validated as they arrive (the
/// client hands them over one at a time, in order), then gathered into batches: up to
/// <see cref="IngestionBatch.Size"/> messages, closed <see cref="IngestionBatch.TimeLimit"/> after its first.
/// <see cref="IngestionBatch.Concurrency"/> batches are in flight; one fills while the others are stored.
/// </summary>
public sealed class QueueConsumer : AsyncDefaultBasicConsumer, IAsyncDisposable
{
    private readonly EventRoute _route;
    private readonly BatchProcessor _processor;
    private readonly ErrorQueues _errors;
    private readonly TimeProvider _clock;
    private readonly AckTracker _acks;
    private readonly Channel<Delivery> _inbox = System.Threading.Channels.Channel.CreateUnbounded<Delivery>(
        new UnboundedChannelOptions { SingleWriter = true });
    private readonly SemaphoreSlim _filling = new(1, 1);
    private readonly CancellationTokenSource _noMoreBatches = new();
    private readonly TaskCompletionSource<Exception?> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task[] _loops = [];
    private volatile bool _stopping;

    private QueueConsumer(IChannel channel, EventRoute route, BatchProcessor processor, ErrorQueues errors, TimeProvider clock)
        : base(channel)
    {
        _route = route;
        _processor = processor;
        _errors = errors;
        _clock = clock;
        _acks = new AckTracker(channel);
    }

    /// <summary>
    /// Completes when this consumer stops working without being asked to (its channel closed, or a batch
    /// could not be finished on it), with the cause if there is one; the session is then started again.
    /// </summary>
    public Task<Exception?> Lost => _lost.Task;

    public static async Task<QueueConsumer> StartAsync(IConnection connection, EventRoute route, BatchProcessor processor,
        ErrorQueues errors, TimeProvider clock, CancellationToken stopping, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, IngestionBatch.Prefetch, global: false, cancellationToken);
        var consumer = new QueueConsumer(channel, route, processor, errors, clock);
        consumer._loops = Enumerable.Range(0, IngestionBatch.Concurrency)
            .Select(_ => Task.Run(() => consumer.RunBatchesAsync(stopping), CancellationToken.None))
            .ToArray();
        await channel.BasicConsumeAsync(route.Name, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: null, consumer, cancellationToken);
        return consumer;
    }

    public override Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange,
        string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        _inbox.Writer.TryWrite(EventMessage.Read(_route.EventType, deliveryTag, properties, body.Span, _clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    protected override Task OnCancelAsync(string[] consumerTags, CancellationToken cancellationToken = default)
    {
        _inbox.Writer.TryComplete();
        if (!_stopping)
        {
            // The broker cancelled the consumer (its queue was deleted, say): start again, declaring the queue anew.
            _lost.TrySetResult(new IOException($"{_route.Name}: the broker cancelled the consumer"));
        }

        return Task.CompletedTask;
    }

    public override Task HandleChannelShutdownAsync(object channel, ShutdownEventArgs reason)
    {
        // Whatever was not acknowledged goes back to the queue with the channel: nothing more to start here.
        _inbox.Writer.TryComplete();
        _noMoreBatches.Cancel();
        if (!_stopping)
        {
            _lost.TrySetResult(reason.Exception ?? new IOException($"{_route.Name}: channel closed ({reason.ReplyCode} {reason.ReplyText})"));
        }

        return base.HandleChannelShutdownAsync(channel, reason);
    }

    /// <summary>Stops taking messages and lets the batches in flight finish (and be acknowledged).</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        _noMoreBatches.Cancel();
        _inbox.Writer.TryComplete();
        try
        {
            if (Channel.IsOpen)
            {
                await Channel.BasicCancelAsync(ConsumerTags.FirstOrDefault() ?? "", noWait: false);
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or OperationCanceledException)
        {
        }

        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _noMoreBatches.Cancel();
        await Channel.DisposeAsync();
        _noMoreBatches.Dispose();
        _filling.Dispose();
        _acks.Dispose();
    }

    private async Task RunBatchesAsync(CancellationToken stopping)
    {
        try
        {
            while (await NextBatchAsync() is { } batch)
            {
                await _processor.ProcessAsync(_route, batch, _errors, stopping);
                await _acks.FinishAsync(batch[0].Tag, batch[^1].Tag);
            }
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // The batch stays unacknowledged: the broker delivers it again on the next session's channel.
            _lost.TrySetResult(ex);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopped at once: unfinished batches are delivered again after the restart.
        }
    }

    /// <summary>The next batch, or null once the channel is closing. One batch fills at a time, so each holds consecutive tags.</summary>
    private async Task<List<Delivery>?> NextBatchAsync()
    {
        try
        {
            await _filling.WaitAsync(_noMoreBatches.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            var reader = _inbox.Reader;
            if (!await reader.WaitToReadAsync(_noMoreBatches.Token))
            {
                return null;
            }

            var batch = new List<Delivery>(IngestionBatch.Size);
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(_noMoreBatches.Token);
            closing.CancelAfter(IngestionBatch.TimeLimit);
            while (batch.Count < IngestionBatch.Size)
            {
                if (reader.TryRead(out var delivery))
                {
                    batch.Add(delivery);
                    continue;
                }

                try
                {
                    if (!await reader.WaitToReadAsync(closing.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            // On shutdown the part-filled batch is left to the broker, which delivers it again.
            return _noMoreBatches.IsCancellationRequested ? null : batch;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _filling.Release();
        }
    }
}
