using MassTransit;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

public sealed class LessonCompletedConsumer(EventIngestor ingestor) : IConsumer<Batch<LessonCompleted>>
{
    public Task Consume(ConsumeContext<Batch<LessonCompleted>> context) =>
        ingestor.IngestAsync(context.Message.Select(m => IngestedEvent.From(m.Message)).ToList(), context.CancellationToken);
}

public sealed class LessonCompletedConsumerDefinition : ConsumerDefinition<LessonCompletedConsumer>
{
    public LessonCompletedConsumerDefinition() => Endpoint(e => e.PrefetchCount = IngestionBatch.Prefetch);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LessonCompletedConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(IngestionBatch.Configure);
}
