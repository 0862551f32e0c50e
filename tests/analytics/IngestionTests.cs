using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

public sealed class IngestionTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Published_lessons_show_on_the_tutors_dashboard()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        LessonCompleted[] lessons =
        [
            Lessons.Attended(tutorId, 60), Lessons.Attended(tutorId, 45), Lessons.Attended(tutorId, 30),
            Lessons.NoShow(tutorId), Lessons.NoShow(tutorId),
        ];

        foreach (var lesson in lessons)
        {
            await factory.PublishAsync(lesson);
        }

        var dashboard = await DashboardClient.WaitUntilAsync(tutor, d => d.LessonsCompleted.Value + d.NoShows.Value >= lessons.Length);
        Assert.Equal((3, 2, 135), (dashboard.LessonsCompleted.Value, dashboard.NoShows.Value, dashboard.MinutesTaught.Value));
        Assert.Equal((0, 0, 0), (dashboard.LessonsCompleted.Previous, dashboard.NoShows.Previous, dashboard.MinutesTaught.Previous));
        Assert.Equal(60.0, dashboard.AttendanceRatePercent);
        Assert.Equal(tutorId, dashboard.TutorId);
    }

    [Fact]
    public async Task Redelivered_and_reingested_events_change_no_count()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        LessonCompleted[] lessons = [Lessons.Attended(tutorId, 60), Lessons.Attended(tutorId, 90), Lessons.NoShow(tutorId)];
        foreach (var lesson in lessons)
        {
            await factory.PublishAsync(lesson);
        }

        var before = await DashboardClient.WaitUntilAsync(tutor, d => d.LessonsCompleted.Value + d.NoShows.Value >= lessons.Length);
        Assert.Equal((2, 1, 150), (before.LessonsCompleted.Value, before.NoShows.Value, before.MinutesTaught.Value));

        await factory.RedeliverAsync(lessons[0]);
        await factory.Ingestor.IngestAsync([IngestedEvent.From(lessons[1])], CancellationToken.None);

        var after = await DashboardClient.GetAsync(tutor);
        Assert.Equal((2, 1, 150), (after.LessonsCompleted.Value, after.NoShows.Value, after.MinutesTaught.Value));
        Assert.Equal(lessons.Length, await Store.EventCountAsync(factory.Database, tutorId));
        Assert.Equal((2, 1, 150), await Store.RollupTotalsAsync(factory.Database, tutorId));
    }

    [Fact]
    public async Task An_event_twice_in_one_batch_is_stored_and_counted_once()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var lesson = IngestedEvent.From(Lessons.Attended(tutorId, 60));

        await factory.Ingestor.IngestAsync([lesson, lesson], CancellationToken.None);

        Assert.Equal(1, await Store.EventCountAsync(factory.Database, tutorId));
        var dashboard = await DashboardClient.GetAsync(tutor);
        Assert.Equal((1, 60), (dashboard.LessonsCompleted.Value, dashboard.MinutesTaught.Value));
        Assert.Equal((1, 0, 60), await Store.RollupTotalsAsync(factory.Database, tutorId));
    }
}
