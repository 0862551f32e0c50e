using System.Net;
using System.Text.Json;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Tests;

public sealed class DashboardApiTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task A_period_other_than_7_30_or_90_days_is_400_naming_days()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.GetAsync(Dashboard.For(days: 5));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["days"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_tutor_asking_for_another_tutors_dashboard_is_403()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.GetAsync(Dashboard.For(days: 7, tutorId: Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_student_is_403()
    {
        using var student = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var response = await student.GetAsync(Dashboard.For(days: 7));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_naming_a_tutor_sees_that_tutors_numbers()
    {
        var tutorId = Guid.NewGuid();
        await factory.Ingestor.IngestAsync(
            [IngestedEvent.From(Lessons.Attended(tutorId, 40)), IngestedEvent.From(Lessons.NoShow(tutorId))], CancellationToken.None);
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());

        var dashboard = await Dashboard.GetAsync(admin, days: 7, tutorId: tutorId);

        Assert.Equal(tutorId, dashboard.TutorId);
        Assert.Equal((1, 1, 40), (dashboard.LessonsCompleted.Value, dashboard.NoShows.Value, dashboard.MinutesTaught.Value));
    }
}
