using System.Text.Json;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>StudentLevelChanged from the bot gateway's outbox reaches the students area once, however often it is delivered.</summary>
public sealed class StudyLevelIngestionTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Level_changes_are_stored_once_and_the_latest_is_the_students_level()
    {
        var (tutorId, studentId) = (Guid.NewGuid(), Guid.NewGuid());
        using var tutor = factory.TutorClient(tutorId);
        var now = DateTimeOffset.UtcNow;
        var first = new StudentLevelChanged { EventId = Guid.NewGuid(), OccurredAt = now.AddMinutes(-2), TutorId = tutorId, StudentId = studentId, Level = "A2" };
        var second = new StudentLevelChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = now.AddMinutes(-1), TutorId = tutorId, StudentId = studentId, Level = "B1", PreviousLevel = "A2",
        };

        await factory.PublishAsync(first);
        await factory.PublishAsync(second);
        Assert.True(await Eventually.Async(async () => await LevelAsync(tutor, studentId) == "B1"),
            "The students area does not show the level B1 after both changes were published.");
        await factory.RedeliverAsync(first);

        Assert.Equal("B1", await LevelAsync(tutor, studentId));
        Assert.Equal(2, await Store.EventCountAsync(factory.Database, tutorId));
    }

    private static async Task<string?> LevelAsync(HttpClient tutor, Guid studentId)
    {
        using var area = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/students"));
        return area.RootElement.GetProperty("students").EnumerateArray()
            .Where(s => s.GetProperty("studentId").GetGuid() == studentId)
            .Select(s => s.GetProperty("level").GetString()).FirstOrDefault();
    }
}
