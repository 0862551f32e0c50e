using System.Text.Json;
using RabbitMQ.Client;
using Repitbot.Contracts;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// Publishes domain events the way the raw RabbitMQ baseline publishes (RabbitMQ.Client, persistent,
/// confirmed, four channels) but as MassTransit envelopes on each message type's exchange, so the
/// services consume them as if a MassTransit bus had sent them. With it the ingestion figure measures
/// the consumer against the broker's ceiling, not MassTransit's publishing cost on the same two cores.
/// </summary>
public sealed class RawEnvelopePublisher : IAsyncDisposable
{
    private const int Channels = 4;

    private readonly IConnection _connection;
    private readonly IChannel[] _channels;
    private readonly BasicProperties _properties = new()
    {
        Persistent = true, ContentType = "application/vnd.masstransit+json",
    };

    private RawEnvelopePublisher(IConnection connection, IChannel[] channels)
    {
        _connection = connection;
        _channels = channels;
    }

    public static async Task<RawEnvelopePublisher> StartAsync(string amqpUri, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "repitbot-load-tester-raw" }
            .CreateConnectionAsync(cancellationToken);
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var channels = new IChannel[Channels];
        for (var i = 0; i < Channels; i++)
        {
            channels[i] = await connection.CreateChannelAsync(options, cancellationToken);
        }

        return new RawEnvelopePublisher(connection, channels);
    }

    /// <summary>Returns once the broker confirmed the message.</summary>
    public async Task PublishAsync(IDomainEvent message, int slot, CancellationToken cancellationToken)
    {
        var type = message.GetType();
        var exchange = $"{type.Namespace}:{type.Name}";
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            conversationId = Guid.NewGuid(),
            destinationAddress = $"exchange:{exchange}",
            messageType = new[] { $"urn:message:{exchange}" },
            message = (object)message,
            sentTime = DateTimeOffset.UtcNow,
            headers = new Dictionary<string, object>(),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, WireFormat.Json);
        await _channels[slot % Channels].BasicPublishAsync(exchange, "", false, _properties, body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}
