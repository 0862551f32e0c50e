using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>A malformed event goes to the error queue with the reason; the events around it are still stored.</summary>
public sealed class MalformedEventTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task An_invalid_event_goes_to_the_error_queue_with_its_reason_and_the_good_ones_are_stored()
    {
        var tutorId = Guid.NewGuid();
        var good = Enumerable.Range(0, 5).Select(i => Graded(tutorId, score: 20 * i)).ToList();
        var bad = Graded(tutorId, score: 150);

        await factory.PublishAsync(good[0]);
        await factory.PublishAsync(good[1]);
        await factory.PublishAsync(bad);
        foreach (var e in good.Skip(2))
        {
            await factory.PublishAsync(e);
        }

        var headers = await Broker.NextAsync(factory.RabbitMqUri, "analytics-homework-graded_error");
        Assert.NotNull(headers);
        Assert.Contains("score must be between 0 and 100", headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.Contains(bad.EventId.ToString(), headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == good.Count),
            $"{await Store.EventCountAsync(factory.Database, tutorId)} of {good.Count} good events stored.");
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_goes_to_the_error_queue_and_ingestion_goes_on()
    {
        var tutorId = Guid.NewGuid();
        await factory.PublishAsync(Lessons.Attended(tutorId, 30)); // makes sure the exchange is bound
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == 1));

        await Broker.PublishRawAsync(factory.RabbitMqUri, "Repitbot.Contracts:LessonCompleted",
            """{"messageId":"0b6a3c1e-1b7c-4f6e-9a57-1d0f6a5d2c11","messageType":["urn:message:Repitbot.Contracts:LessonCompleted"],"message":{"eventId":"not-a-guid","minutes":"many"}}""");
        await factory.PublishAsync(Lessons.Attended(tutorId, 45));

        var headers = await Broker.NextAsync(factory.RabbitMqUri, "analytics-lesson-completed_error");
        Assert.NotNull(headers);
        Assert.False(string.IsNullOrEmpty(headers.GetValueOrDefault("MT-Fault-Message")), "The error queue copy carries no reason.");
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == 2));
    }

    [Fact]
    public async Task An_event_postgresql_refuses_goes_to_the_error_queue_alone_and_the_rest_of_its_batch_is_stored()
    {
        var tutorId = Guid.NewGuid();
        var good = Enumerable.Range(0, 6).Select(i => Shared(tutorId, $"Worksheet {i}")).ToList();
        // Valid JSON and a valid event, but jsonb cannot hold \u0000: the store fails for this event alone, every time.
        var refused = Shared(tutorId, "nul\u0000here");

        foreach (var e in good.Take(3).Append(refused).Concat(good.Skip(3)))
        {
            await factory.PublishAsync(e);
        }

        var headers = await Broker.NextAsync(factory.RabbitMqUri, "analytics-material-shared_error");
        Assert.NotNull(headers);
        Assert.Contains(refused.EventId.ToString(), headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.Contains("could not be stored", headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.True(await Eventually.Async(async () => await Store.EventCountAsync(factory.Database, tutorId) == good.Count),
            $"{await Store.EventCountAsync(factory.Database, tutorId)} of {good.Count} good events stored.");
    }

    private static MaterialShared Shared(Guid tutorId, string title) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, MaterialId = Guid.NewGuid(), Title = title,
    };

    private static HomeworkGraded Graded(Guid tutorId, int score) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = Guid.NewGuid(),
        HomeworkId = Guid.NewGuid(), Score = score,
    };
}
