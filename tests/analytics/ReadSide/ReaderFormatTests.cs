using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Charts and PDFs as their reader reads them: the lesson's own time in the reader's zone, names, money and numbers by locale.</summary>
[Collection(ReadSideTests.Name)]
public sealed partial class ReaderFormatTests(ReadSideFactory factory)
{
    private const string Moscow = "Europe/Moscow";

    [Fact]
    public async Task The_heatmap_places_a_lesson_at_its_own_latest_start_not_when_it_was_recorded()
    {
        var (tutorId, studentId, lessonId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var scheduledAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-6).AddHours(6), TimeSpan.Zero);
        var startsAt = scheduledAt.AddDays(2).AddHours(1);
        var recordedAt = startsAt.AddDays(1).AddHours(9);
        await factory.StoreAsync(
        [
            SeedEvent.Of(new LessonScheduled
            {
                EventId = Guid.NewGuid(), OccurredAt = scheduledAt, TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
                StartsAt = scheduledAt.AddDays(1), DurationMinutes = 60,
            }, studentId),
            SeedEvent.Of(new LessonRescheduled
            {
                EventId = Guid.NewGuid(), OccurredAt = scheduledAt.AddHours(2), TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
                PreviousStartsAt = scheduledAt.AddDays(1), StartsAt = startsAt, DurationMinutes = 60,
            }, studentId),
            SeedEvent.Of(new LessonCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = recordedAt, TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
                Outcome = LessonOutcome.Attended, Minutes = 60,
            }, studentId),
        ]);
        using var tutor = factory.Tutor(tutorId);

        using var lessons = JsonDocument.Parse(await tutor.GetStringAsync($"/api/v1/analytics/lessons?tz={Moscow}"));
        var svg = SvgTexts(await tutor.GetStringAsync($"/api/v1/charts/heatmap?format=svg&tz={Moscow}"));

        var cells = lessons.RootElement.GetProperty("heatmap").EnumerateArray()
            .SelectMany((row, day) => row.EnumerateArray().Select((count, hour) => (day, hour, count: count.GetInt32())))
            .Where(c => c.count > 0).Select(c => (c.day, c.hour, c.count)).ToList();
        Assert.Equal([(Cell(startsAt).Day, Cell(startsAt).Hour, 1)], cells);
        Assert.NotEqual(Cell(startsAt), Cell(recordedAt));
        Assert.Contains($"(Europe/Moscow)", string.Join(" ", svg));
        Assert.DoesNotContain("UTC", string.Join(" ", svg));
    }

    [Fact]
    public async Task Quick_report_pdfs_name_the_tutor_print_money_by_locale_fit_headers_and_say_when_in_the_readers_zone()
    {
        var tutorId = Guid.NewGuid();
        var events = Seed.Tutor(tutorId, seed: 11, days: 7);
        events.Add(SeedEvent.Of(new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow.AddDays(-30), TutorId = tutorId, UserId = tutorId, Role = UserRole.Tutor,
            DisplayName = "Мария Иванова", TimeZone = Moscow,
        }, null));
        var studentId = Guid.NewGuid();
        events.Add(SeedEvent.Of(new PaymentReceived
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow.AddHours(-1), TutorId = tutorId, StudentId = studentId,
            PaymentId = Guid.NewGuid(), AmountMinor = 150_000, Currency = "RUB", Method = PaymentMethod.Cash,
        }, studentId));
        await factory.StoreAsync(events);
        using var tutor = factory.Tutor(tutorId);

        var lessonBytes = await tutor.GetByteArrayAsync("/api/v1/reports/quick/lesson?days=7");
        var lesson = PdfText.Read(lessonBytes);
        var payment = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/payment?days=7"));

        foreach (var pdf in new[] { lesson, payment })
        {
            Assert.True(pdf.Contains("Репетитор: Мария Иванова"), "The report does not name the tutor.");
            Assert.False(pdf.Contains(tutorId.ToString()), "The report shows the tutor's id.");
            Assert.True(pdf.Contains("(Europe/Moscow)"), "The generation time does not name the reader's zone.");
            Assert.False(pdf.Contains("UTC"), "The report still prints a UTC time.");
        }

        Assert.False(lesson.Contains("…"), "A column header of the lesson report is cut.");
        // The student's single payment, as the Russian reader writes money (PdfText drops the no-break spaces).
        Assert.True(payment.Contains("1 500,00 ₽"), "The payment report does not write money as 1 500,00 ₽.");
        Assert.True(lessonBytes.Length < 150 * 1024, $"A one-week lesson report is {lessonBytes.Length / 1024} KB; fonts embedded whole?");
    }

    [Fact]
    public async Task Chart_axes_write_numbers_in_the_readers_locale()
    {
        var (tutorId, studentId, materialId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        List<SeedEvent> events =
        [
            SeedEvent.Of(new MaterialShared { EventId = Guid.NewGuid(), OccurredAt = at.AddDays(-1), TutorId = tutorId, MaterialId = materialId, Title = "Глаголы" }, null),
        ];
        events.AddRange(Enumerable.Range(0, 2500).Select(i => SeedEvent.Of(new MaterialViewed
        {
            EventId = Guid.NewGuid(), OccurredAt = at.AddSeconds(i), TutorId = tutorId, StudentId = studentId, MaterialId = materialId,
        }, studentId)));
        await factory.StoreAsync(events);
        using var tutor = factory.Tutor(tutorId);

        var russian = SvgTexts(await tutor.GetStringAsync("/api/v1/charts/top-materials?format=svg&locale=ru"));
        var english = SvgTexts(await tutor.GetStringAsync("/api/v1/charts/top-materials?format=svg&locale=en"));

        Assert.DoesNotContain(russian, t => EnglishThousands().IsMatch(t));
        Assert.Contains(russian, t => RussianThousands().IsMatch(t));
        Assert.Contains(english, t => EnglishThousands().IsMatch(t));
    }

    private static (int Day, int Hour) Cell(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Moscow));
        return (((int)local.DayOfWeek + 6) % 7, local.Hour);
    }

    private static List<string> SvgTexts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$")]
    private static partial Regex EnglishThousands();

    [GeneratedRegex(@"^\d{1,3}([\u00A0\u202F ]\d{3})+$")]
    private static partial Regex RussianThousands();
}
