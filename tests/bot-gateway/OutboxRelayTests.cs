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
}
