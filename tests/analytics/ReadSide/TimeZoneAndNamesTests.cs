using System.Text.Json;
using System.Xml.Linq;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>The heatmap in the caller's (or a named) time zone, and students shown by the names their profile events carry.</summary>
[Collection(ReadSideTests.Name)]
public sealed class TimeZoneAndNamesTests(ReadSideFactory factory)
{
    [Fact]
    public async Task The_heatmap_is_in_the_tutors_profile_time_zone_or_the_one_asked_for_and_a_bad_tz_is_a_problem()
    {
        var tutorId = Guid.NewGuid();
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-3).AddHours(20).AddMinutes(30), TimeSpan.Zero);
        await factory.StoreAsync(
        [
            SeedEvent.Of(new UserRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = at.AddDays(-20), TutorId = tutorId, UserId = tutorId, Role = UserRole.Tutor,
                DisplayName = "Учитель", TimeZone = "Asia/Tokyo",
            }, null),
            SeedEvent.Of(new LessonCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = at, TutorId = tutorId, StudentId = Guid.NewGuid(), LessonId = Guid.NewGuid(),
                Outcome = LessonOutcome.Attended, Minutes = 60,
            }, null),
        ]);
        using var tutor = factory.Tutor(tutorId);

        using var own = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/lessons"));
        using var utc = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/lessons?tz=UTC"));
        using var moscow = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/lessons?tz=Europe/Moscow"));

        foreach (var (answer, zone) in new[] { (own, "Asia/Tokyo"), (utc, "UTC"), (moscow, "Europe/Moscow") })
        {
            var (shownZone, cells) = Heatmap(answer);
            Assert.Equal(zone, shownZone);
            Assert.Equal([Cell(at, zone)], cells);
        }

        Assert.NotEqual(Cell(at, "UTC"), Cell(at, "Asia/Tokyo"));
        Assert.Contains("(Asia/Tokyo)", SvgText(await tutor.GetStringAsync("/api/v1/charts/heatmap?format=svg")));
        Assert.Contains("(Europe/Moscow)", SvgText(await tutor.GetStringAsync("/api/v1/charts/heatmap?format=svg&tz=Europe/Moscow")));

        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/lessons?tz=Mars/Olympus"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/payments?tz=Mars/Olympus"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/heatmap?tz=Nowhere"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?tz=Nowhere"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/reports/quick/lesson?tz=%20"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/reports/quick/payment?tz=%20"), "tz");
        using var types = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/charts/types"));
        var parameters = types.RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!,
            t => t.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList());
        Assert.All(parameters.Values, p => Assert.Contains("tz", p));
    }

    [Fact]
    public async Task Students_are_shown_by_their_latest_display_name_and_by_short_id_when_analytics_knows_none()
    {
        var tutorId = Guid.NewGuid();
        var (named, unnamed) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        List<SeedEvent> events =
        [
            SeedEvent.Of(new UserRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = now.AddDays(-20), TutorId = tutorId, UserId = named, Role = UserRole.Student,
                DisplayName = "Анна Петрова",
            }, named),
            SeedEvent.Of(new UserProfileChanged
            {
                EventId = Guid.NewGuid(), OccurredAt = now.AddDays(-2), TutorId = tutorId, UserId = named, DisplayName = "Анна Смирнова",
            }, null),
        ];
        foreach (var student in new[] { named, unnamed })
        {
            events.Add(SeedEvent.Of(new PaymentReceived
            {
                EventId = Guid.NewGuid(), OccurredAt = now.AddDays(-5), TutorId = tutorId, StudentId = student, PaymentId = Guid.NewGuid(),
                AmountMinor = 100_000, Currency = "RUB", Method = PaymentMethod.Card, LessonsCovered = 1,
            }, student));
            events.Add(SeedEvent.Of(new LessonCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = now.AddDays(-4), TutorId = tutorId, StudentId = student, LessonId = Guid.NewGuid(),
                Outcome = LessonOutcome.Attended, Minutes = 60,
            }, student));
        }

        await factory.StoreAsync(events);
        using var tutor = factory.Tutor(tutorId);
        var expected = new Dictionary<Guid, string> { [named] = "Анна Смирнова", [unnamed] = unnamed.ToString("N")[..8] };

        using var payments = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/payments"));
        using var students = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/students"));
        var csv = await tutor.GetStringAsync("/api/v1/reports/quick/payment?days=30&format=csv");
        var pdf = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/student?days=30"));

        Assert.Equal(expected, Names(payments.RootElement.GetProperty("students")));
        Assert.Equal(expected, Names(students.RootElement.GetProperty("churnRisk")));
        Assert.EndsWith(",student_name", csv.Split("\r\n")[0]);
        Assert.Contains($"{named},RUB,100000,0,0,0,100000,Анна Смирнова", csv);
        Assert.Contains(",Анна Смирнова", csv);
        Assert.True(pdf.Contains("Анна Смирнова") && pdf.Contains(expected[unnamed]), "The student report does not name the students.");
        Assert.False(pdf.Contains("Анна Петрова"), "The student report shows an outdated name.");
    }

    private static (int Day, int Hour) Cell(DateTimeOffset at, string zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return (((int)local.DayOfWeek + 6) % 7, local.Hour);
    }

    private static (string Zone, (int Day, int Hour)[] Cells) Heatmap(JsonDocument lessons)
    {
        var rows = lessons.RootElement.GetProperty("heatmap").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var cells = rows.SelectMany((row, day) => row.Select((count, hour) => (day, hour, count))).Where(c => c.count > 0)
            .SelectMany(c => Enumerable.Repeat((c.day, c.hour), c.count)).ToArray();
        return (lessons.RootElement.GetProperty("timeZone").GetString()!, cells);
    }

    private static Dictionary<Guid, string> Names(JsonElement rows) => rows.EnumerateArray()
        .ToDictionary(r => r.GetProperty("studentId").GetGuid(), r => r.GetProperty("name").GetString()!);

    private static string SvgText(string svg) =>
        string.Join(" ", XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
}
