using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>Reads (and removes) messages from a queue of the test's virtual host, and publishes raw bytes to it.</summary>
public static class Broker
{
    /// <summary>Waits for the first message in <paramref name="queue"/>; its headers as text, or null on time-out.</summary>
    public static async Task<Dictionary<string, string>?> NextAsync(string rabbitMqUri, string queue)
    {
        Dictionary<string, string>? headers = null;
        await Eventually.Async(async () => (headers = await TryGetAsync(rabbitMqUri, queue)) is not null);
        return headers;
    }

    public static async Task PublishRawAsync(string rabbitMqUri, string exchange, string body)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbitMqUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync(exchange, "", false, properties, Encoding.UTF8.GetBytes(body));
    }

    private static async Task<Dictionary<string, string>?> TryGetAsync(string rabbitMqUri, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbitMqUri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var result = await channel.BasicGetAsync(queue, autoAck: true);
            return result?.BasicProperties.Headers?.ToDictionary(h => h.Key,
                h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "");
        }
        catch (OperationInterruptedException)
        {
            return null; // the error queue does not exist until the first fault
        }
    }
}
