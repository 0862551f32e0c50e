using RabbitMQ.Client;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>One connection to RabbitMQ with a consumer on every event queue; replaced as a whole when any part of it fails.</summary>
public sealed class IngestionSession : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly ErrorQueues _errors;
    private readonly List<QueueConsumer> _consumers;
    private readonly CancellationTokenSource _abandon;

    private IngestionSession(IConnection connection, ErrorQueues errors, List<QueueConsumer> consumers, CancellationTokenSource abandon)
    {
        _connection = connection;
        _errors = errors;
        _consumers = consumers;
        _abandon = abandon;
    }

    public bool IsOpen => _connection.IsOpen;

    /// <summary>Completes, with the cause, when a consumer stops working (a lost connection closes them all).</summary>
    public Task<Exception?> Lost => Task.WhenAny(_consumers.Select(c => c.Lost)).Unwrap();

    /// <param name="stopNow">Cancelled when the service must stop at once: batches being stored are abandoned unacknowledged.</param>
    public static async Task<IngestionSession> OpenAsync(ConnectionFactory factory, BatchProcessor processor, TimeProvider clock,
        CancellationToken stopNow, CancellationToken cancellationToken)
    {
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(stopNow);
        var consumers = new List<QueueConsumer>();
        try
        {
            await QueueTopology.DeclareAsync(connection, EventRoute.All, cancellationToken);
            var errors = await ErrorQueues.OpenAsync(connection, cancellationToken);
            foreach (var route in EventRoute.All)
            {
                consumers.Add(await QueueConsumer.StartAsync(connection, route, processor, errors, clock, abandon.Token, cancellationToken));
            }

            return new IngestionSession(connection, errors, consumers, abandon);
        }
        catch
        {
            await abandon.CancelAsync();
            foreach (var consumer in consumers)
            {
                await consumer.DisposeAsync();
            }

            await connection.DisposeAsync();
            abandon.Dispose();
            throw;
        }
    }

    /// <summary>Takes no more messages, lets the batches in flight finish and be acknowledged, and closes the connection.</summary>
    public async Task StopAsync()
    {
        await Task.WhenAll(_consumers.Select(c => c.StopAsync()));
        await DisposeAsync();
    }

    /// <summary>Closes at once: what is not acknowledged is delivered again to the next session.</summary>
    public async ValueTask DisposeAsync()
    {
        await _abandon.CancelAsync();
        foreach (var consumer in _consumers)
        {
            await consumer.DisposeAsync();
        }

        await _errors.DisposeAsync();
        await _connection.DisposeAsync();
        _abandon.Dispose();
    }
}
