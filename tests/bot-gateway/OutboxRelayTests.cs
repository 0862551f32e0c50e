using System.Diagnostics;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

public sealed class OutboxRelayTests(RelayingBotGatewayFactory factory) : IClassFixture<RelayingBotGatewayFactory>
{
    [Fact]
    public async Task Creating_a_student_publishes_its_events_through_the_outbox()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);

        await BotGatewayFactory.CreateStudentAsync(tutor);

        var rows = await OutboxRow.ForTutorAsync(factory.Database, tutorId);
        Assert.Equal(["Repitbot.Contracts.StudentLinked", "Repitbot.Contracts.UserRegistered"],
            rows.Select(r => r.MessageType).Order());
        var allPublished = await Eventually.Async(async () =>
            (await OutboxRow.ForTutorAsync(factory.Database, tutorId)).All(r => r.PublishedAt is not null));
        Assert.True(allPublished, $"The outbox relay did not publish tutor {tutorId}'s rows within {Eventually.Timeout}.");
    }

    [Fact]
    public async Task A_relay_that_found_nothing_for_a_while_still_publishes_a_new_write_at_once()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        await BotGatewayFactory.CreateStudentAsync(tutor);
        // Passes that find nothing stretch the poll (1, 2, 4, 8 s, ...): after this the relay is in a wait of 8 s or more.
        await Task.Delay(TimeSpan.FromSeconds(9));

        var tutorId = Guid.NewGuid();
        using var next = factory.TutorClient(tutorId);
        var written = Stopwatch.StartNew();
        await BotGatewayFactory.CreateStudentAsync(next);
        var published = await Eventually.Async(async () =>
            (await OutboxRow.ForTutorAsync(factory.Database, tutorId)).All(r => r.PublishedAt is not null), TimeSpan.FromSeconds(15));

        Assert.True(published, $"The outbox relay did not publish tutor {tutorId}'s rows within 15 s.");
        // The commit wakes the relay; waiting out the poll would take 8 s or more.
        Assert.True(written.Elapsed < TimeSpan.FromSeconds(4), $"Published {written.Elapsed.TotalSeconds:F1} s after the write.");
    }
}
