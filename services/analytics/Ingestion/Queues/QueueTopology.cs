using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Declares the event queues before analytics reads them, so no event published after start is lost. Each
/// queue is bound straight to its event's exchange: MassTransit put an exchange named after the queue in
/// between, a second routing step that cost the broker about 12 µs of its ~100 µs per message here
/// (README, "Throughput design"); on a broker that still has that exchange it is removed.
/// </summary>
public static class QueueTopology
{
    private const int PreconditionFailed = 406;
    private const int NotFound = 404;

    private static readonly Dictionary<string, object?> Quorum = new() { ["x-queue-type"] = "quorum" };

    public static async Task DeclareAsync(IConnection connection, IReadOnlyList<EventRoute> routes, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            foreach (var route in routes)
            {
                // The arguments MassTransit publishers declare the exchange with, or the declarations would conflict.
                await channel.ExchangeDeclareAsync(route.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false,
                    cancellationToken: cancellationToken);
                channel = await DeclareQueueAsync(connection, channel, route.Name, cancellationToken);
                await channel.QueueBindAsync(route.Name, route.Exchange, routingKey: "", cancellationToken: cancellationToken);
                channel = await DeleteOldExchangeAsync(connection, channel, route, cancellationToken);
            }
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }

    /// <summary>
    /// A quorum queue, or the queue of that name as it already is (an older deployment's classic error queue).
    /// Error queues are declared on their first message, as MassTransit does: a quorum queue is a Raft group,
    /// and 18 idle ones per service start are a real load on a two-core broker.
    /// </summary>
    public static async Task DeclareQueueAsync(IConnection connection, string name, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        channel = await DeclareQueueAsync(connection, channel, name, cancellationToken);
        await channel.DisposeAsync();
    }

    /// <returns>The channel to go on with: a refused declaration closes the one it was sent on.</returns>
    private static async Task<IChannel> DeclareQueueAsync(IConnection connection, IChannel channel, string name,
        CancellationToken cancellationToken)
    {
        try
        {
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments: Quorum,
                cancellationToken: cancellationToken);
            return channel;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            await channel.DisposeAsync();
            return await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>Checked passively first: deleting a missing exchange is an error that closes the channel.</summary>
    private static async Task<IChannel> DeleteOldExchangeAsync(IConnection connection, IChannel channel, EventRoute route,
        CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclarePassiveAsync(route.Name, cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            await channel.DisposeAsync();
            return await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }

        await channel.ExchangeDeleteAsync(route.Name, ifUnused: false, cancellationToken: cancellationToken);
        return channel;
    }
}
