using Repitbot.Analytics.Tests.OtherService;
using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// In production every service shares one RabbitMQ virtual host. Another service that consumes
/// LessonCompleted (notification does, with a consumer of the same class name) must not take
/// analytics' copies of the events: each service gets every event.
/// </summary>
public sealed class SharedBrokerTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private const int EventCount = 20;

    [Fact]
    public async Task Analytics_stores_every_lesson_event_while_another_service_also_consumes_them()
    {
        await using var otherService = await LessonConsumingService.StartAsync("Repitbot.Notification", factory.RabbitMqUri);
        var tutorId = Guid.NewGuid();

        for (var i = 0; i < EventCount; i++)
        {
            await factory.PublishAsync(Lessons.Attended(tutorId, 30));
        }

        var storedAll = await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == EventCount);
        Assert.True(storedAll,
            $"Analytics stored {await Store.EventCountAsync(factory.Database, tutorId)} of {EventCount} events; " +
            $"the other service consumed {otherService.Consumed(tutorId)} (the two share a queue when they should each have their own).");
        var otherGotAll = await Eventually.Async(() => Task.FromResult(otherService.Consumed(tutorId) == EventCount));
        Assert.True(otherGotAll, $"The other service consumed {otherService.Consumed(tutorId)} of {EventCount} events.");
    }
}
