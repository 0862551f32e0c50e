using MassTransit;
using MassTransit.Middleware.Rescue;
using MassTransit.Transports;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// One consumer class for every domain event: it takes a batch, stores the valid events in one round
/// trip, and moves each malformed one alone to the endpoint's <c>_error</c> queue with the reason, so a
/// bad message never fails (and retries) the good ones beside it.
/// </summary>
public sealed class EventBatchConsumer<T>(EventIngestor ingestor, TimeProvider clock, ILogger<EventBatchConsumer<T>> logger)
    : IConsumer<Batch<T>>
    where T : class, IDomainEvent
{
    public async Task Consume(ConsumeContext<Batch<T>> context)
    {
        var now = clock.GetUtcNow();
        var valid = new List<IngestedEvent>(context.Message.Length);
        foreach (var message in context.Message)
        {
            if (EventValidator.Problem(message.Message, now) is { } problem)
            {
                await MoveToErrorQueueAsync(message, problem);
            }
            else
            {
                valid.Add(IngestedEvent.From(message.Message));
            }
        }

        await ingestor.IngestAsync(valid, context.CancellationToken);
    }

    private async Task MoveToErrorQueueAsync(ConsumeContext<T> message, string problem)
    {
        var exception = new InvalidEventException($"{typeof(T).Name} {message.Message.EventId}: {problem}");
        IngestionLog.InvalidEvent(logger, typeof(T).Name, message.Message.EventId, problem);
        var receive = message.ReceiveContext;
        if (!receive.TryGetPayload(out IErrorTransport? errors))
        {
            throw exception;
        }

        // The same move MassTransit makes for a faulted message: a copy with the exception headers, then ack.
        await errors.Send(new RescueExceptionReceiveContext(receive, exception));
    }
}

public sealed class InvalidEventException(string message) : Exception(message);

public sealed class EventBatchConsumerDefinition<T> : ConsumerDefinition<EventBatchConsumer<T>>
    where T : class, IDomainEvent
{
    public EventBatchConsumerDefinition() => Endpoint(e => e.PrefetchCount = IngestionBatch.Prefetch);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EventBatchConsumer<T>> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(IngestionBatch.Configure);
}

public static class EventConsumers
{
    /// <summary>A batch consumer (queue <c>analytics-{event}</c>) for every event in the contracts.</summary>
    public static void AddEventConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var type in EventTypes.ByName.Values)
        {
            bus.AddConsumer(typeof(EventBatchConsumer<>).MakeGenericType(type),
                typeof(EventBatchConsumerDefinition<>).MakeGenericType(type));
        }
    }
}
