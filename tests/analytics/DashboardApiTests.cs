using System.Net;
using System.Text.Json;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

public sealed class DashboardApiTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task A_period_other_than_7_30_or_90_days_is_400_naming_days()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.GetAsync(DashboardClient.For(days: 5));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["days"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_tutor_asking_for_another_tutors_dashboard_is_403()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.GetAsync(DashboardClient.For(days: 7, tutorId: Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_student_is_403()
    {
        using var student = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var response = await student.GetAsync(DashboardClient.For(days: 7));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_naming_a_tutor_sees_that_tutors_numbers()
    {
        var tutorId = Guid.NewGuid();
        await factory.Ingestor.IngestAsync(
            [IngestedEvent.From(Lessons.Attended(tutorId, 40)), IngestedEvent.From(Lessons.NoShow(tutorId))], CancellationToken.None);
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());

        var dashboard = await DashboardClient.GetAsync(admin, days: 7, tutorId: tutorId);

        Assert.Equal(tutorId, dashboard.TutorId);
        Assert.Equal((1, 1, 40), (dashboard.LessonsCompleted.Value, dashboard.NoShows.Value, dashboard.MinutesTaught.Value));
    }

    [Fact]
    public async Task Kpis_compare_the_last_7_days_with_the_7_days_before()
    {
        var tutorId = Guid.NewGuid();
        var (ann, bob, cat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var before = now.AddDays(-9);
        IDomainEvent[] events =
        [
            Lessons.Attended(tutorId, 90, now) with { StudentId = ann },
            Lessons.Attended(tutorId, 90, now.AddDays(-1)) with { StudentId = bob },
            Lessons.Attended(tutorId, 60, now.AddDays(-2)) with { StudentId = ann },
            Lessons.NoShow(tutorId, now),
            Lessons.Attended(tutorId, 60, before) with { StudentId = cat },
            Payment(tutorId, ann, 300_000, now), Payment(tutorId, bob, 200_000, now.AddDays(-3)), Payment(tutorId, cat, 100_000, before),
            new PaymentRefunded { EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = bob, PaymentId = Guid.NewGuid(), AmountMinor = 50_000, Currency = "RUB" },
            new StudentLinked { EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = bob, LinkId = Guid.NewGuid(), ValidFrom = now },
        ];
        await factory.Ingestor.IngestAsync(events.Select(IngestedEvent.From).ToList(), CancellationToken.None);

        var dashboard = await DashboardClient.GetAsync(factory.TutorClient(tutorId));

        Assert.Equal((3, 1), (dashboard.LessonsCompleted.Value, dashboard.LessonsCompleted.Previous));
        Assert.Equal(200.0, dashboard.LessonsCompleted.ChangePercent);
        Assert.Equal((4, 1), (dashboard.HoursTaught.Value, dashboard.HoursTaught.Previous));
        Assert.Equal((75.0, 100.0, -25.0), (dashboard.AttendanceRate.Value, dashboard.AttendanceRate.Previous, dashboard.AttendanceRate.ChangePoints));
        Assert.Equal((2, 1), (dashboard.ActiveStudents.Value, dashboard.ActiveStudents.Previous));
        Assert.Equal((1, 0, null), (dashboard.NewStudents.Value, dashboard.NewStudents.Previous, dashboard.NewStudents.ChangePercent));
        var rub = Assert.Single(dashboard.Revenue);
        Assert.Equal(("RUB", 450_000, 100_000, 350.0), (rub.Currency, rub.NetMinor.Value, rub.NetMinor.Previous, rub.NetMinor.ChangePercent));
        Assert.Equal(50_000, rub.RefundedMinor.Value);
    }

    private static PaymentReceived Payment(Guid tutorId, Guid studentId, long amountMinor, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, TutorId = tutorId, StudentId = studentId, PaymentId = Guid.NewGuid(),
        AmountMinor = amountMinor, Currency = "RUB", Method = PaymentMethod.Card,
    };
}
