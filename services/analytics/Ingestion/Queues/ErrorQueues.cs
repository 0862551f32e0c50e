using System.Globalization;
using RabbitMQ.Client;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>
/// Moves a message that cannot be stored to <c>analytics-{event}_error</c>: the original body and properties
/// with MassTransit's fault headers added (<c>MT-Fault-Message</c> holds the reason), so the operators'
/// tooling and the <c>PoisonMessages</c> alert treat it as they treat the other services' faults. The copy
/// is confirmed by the broker before the original is acknowledged.
/// </summary>
public sealed class ErrorQueues(IConnection connection, IChannel channel) : IAsyncDisposable
{
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly HashSet<string> _declared = [];

    public static async Task<ErrorQueues> OpenAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        return new ErrorQueues(connection, await connection.CreateChannelAsync(options, cancellationToken));
    }

    public async Task MoveAsync(EventRoute route, Delivery delivery, string exceptionType, string reason,
        CancellationToken cancellationToken)
    {
        var properties = new BasicProperties(delivery.Properties)
        {
            Persistent = true,
            Headers = new Dictionary<string, object?>(delivery.Properties.Headers ?? new Dictionary<string, object?>())
            {
                ["MT-Reason"] = "fault",
                ["MT-Fault-ExceptionType"] = exceptionType,
                ["MT-Fault-Message"] = reason,
                ["MT-Fault-Timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["MT-Fault-InputAddress"] = route.Name,
                ["MT-Host-MachineName"] = Environment.MachineName,
            },
        };

        await _publishing.WaitAsync(cancellationToken);
        try
        {
            if (!_declared.Contains(route.ErrorQueue))
            {
                await QueueTopology.DeclareQueueAsync(connection, route.ErrorQueue, cancellationToken);
                _declared.Add(route.ErrorQueue);
            }

            // The default exchange routes by queue name; confirms are on, so this returns once the broker has it.
            await channel.BasicPublishAsync("", route.ErrorQueue, mandatory: false, properties, delivery.Body, cancellationToken);
        }
        finally
        {
            _publishing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        _publishing.Dispose();
    }
}
