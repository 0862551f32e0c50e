using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests;

/// <summary>Events land on the UTC day they happened, whenever they arrive.</summary>
public sealed class PeriodTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task A_lesson_three_days_ago_counts_in_the_current_7_day_period()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);

        await factory.PublishAsync(Lessons.Attended(tutorId, 50, DateTimeOffset.UtcNow.AddDays(-3)));

        var dashboard = await DashboardClient.WaitUntilAsync(tutor, d => d.LessonsCompleted.Value + d.LessonsCompleted.Previous > 0);
        Assert.Equal((1, 0), (dashboard.LessonsCompleted.Value, dashboard.LessonsCompleted.Previous));
        Assert.Equal(50, dashboard.MinutesTaught.Value);
    }

    [Fact]
    public async Task A_lesson_ten_days_ago_counts_in_the_previous_7_day_period()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);

        await factory.PublishAsync(Lessons.Attended(tutorId, 50, DateTimeOffset.UtcNow.AddDays(-10)));

        var dashboard = await DashboardClient.WaitUntilAsync(tutor, d => d.LessonsCompleted.Value + d.LessonsCompleted.Previous > 0);
        Assert.Equal((0, 1), (dashboard.LessonsCompleted.Value, dashboard.LessonsCompleted.Previous));
        Assert.Equal((0, 50), (dashboard.MinutesTaught.Value, dashboard.MinutesTaught.Previous));
    }
}
