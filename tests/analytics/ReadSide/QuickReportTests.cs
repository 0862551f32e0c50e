using System.Net;
using System.Text;
using System.Text.Json;
using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests.ReadSide;

[Collection(ReadSideTests.Name)]
public sealed class QuickReportTests(ReadSideFactory factory)
{
    [Fact]
    public async Task A_lesson_report_pdf_has_cyrillic_text_metadata_and_numbered_pages_for_a_long_table()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 3, days: 90));
        using var tutor = factory.Tutor(tutorId);

        var response = await tutor.GetAsync("/api/v1/reports/quick/lesson?days=90&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.Pages.Count >= 3, $"90 daily rows should run over several pages, got {pdf.Pages.Count}.");
        Assert.Equal("Отчёт по занятиям", pdf.Title);
        Assert.Equal("Repitbot", pdf.Author);
        Assert.False(string.IsNullOrEmpty(pdf.Created));
        Assert.True(pdf.Contains("Отчёт по занятиям") && pdf.Contains("Посещаемость") && pdf.Contains("Причина"));
        for (var page = 1; page <= pdf.Pages.Count; page++)
        {
            Assert.Contains(PdfText.Squash($"Страница {page} из {pdf.Pages.Count}"), pdf.Pages[page - 1]);
        }

        // Each table says what it lists; the daily table continued on the last page says so.
        Assert.True(pdf.Contains("Отмены по причинам") && pdf.Contains("По дням"), "The lesson report's tables have no titles.");
        Assert.Contains(PdfText.Squash("По дням (…)"), pdf.Pages[^1]);
    }

    [Fact]
    public async Task Csv_and_json_lesson_reports_match_the_events_and_english_pdf_follows_the_locale()
    {
        var tutorId = Guid.NewGuid();
        var events = Seed.Tutor(tutorId, seed: 4, days: 30);
        await factory.StoreAsync(events);
        using var tutor = factory.Tutor(tutorId);
        var expected = Naive.Lessons(events, Naive.Today.AddDays(-13), Naive.Today);

        var csv = await tutor.GetByteArrayAsync("/api/v1/reports/quick/lesson?days=14&format=csv");
        using var json = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/reports/quick/lesson?days=14&format=json"));
        var english = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/lesson?days=14&locale=en"));

        Assert.True(csv.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        var lines = Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,scheduled,completed,no_shows,cancelled,minutes", lines[0]);
        Assert.Equal(14, lines.Length - 1);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal((expected.Attended, expected.NoShows, expected.Minutes, expected.Cancelled, expected.Scheduled),
            (rows.Sum(r => int.Parse(r[2])), rows.Sum(r => int.Parse(r[3])), rows.Sum(r => int.Parse(r[5])), rows.Sum(r => int.Parse(r[4])),
                rows.Sum(r => int.Parse(r[1]))));
        var lessons = json.RootElement.GetProperty("sections").GetProperty("lessons");
        Assert.Equal(expected.Attended, lessons.GetProperty("completed").GetInt32());
        Assert.Equal(expected.NoShows, lessons.GetProperty("noShows").GetInt32());
        Assert.Equal("Lesson report", english.Title);
        Assert.True(english.Contains("Page 1 of") && english.Contains("By day"));
    }

    [Fact]
    public async Task Payment_and_student_reports_answer_in_every_format()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 5, days: 30));
        using var tutor = factory.Tutor(tutorId);

        var payment = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/payment?days=30"));
        var student = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/student?days=30"));
        var csv = await tutor.GetStringAsync("/api/v1/reports/quick/student?days=30&format=csv");

        Assert.True(payment.Contains("Отчёт по платежам") && payment.Contains("₽"));
        Assert.True(payment.Contains("Способы оплаты") && payment.Contains("По ученикам"), "The payment report's tables have no titles.");
        Assert.True(student.Contains("Отчёт по ученикам") && student.Contains("Удержание"));
        Assert.True(student.Contains("Риск оттока") && student.Contains("Уровень и рейтинг"), "The student report's tables have no titles.");
        Assert.StartsWith("student_id,last_lesson", csv.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Bad_report_requests_are_named_and_other_tutors_reports_are_refused()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());
        using var student = factory.Student(Guid.NewGuid());

        Assert.Equal(["lesson", "payment", "student"], await Problems.AssertUnknownAsync(await tutor.GetAsync("/api/v1/reports/quick/weather")));
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/reports/quick/lesson?format=xml"), "format");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/reports/quick/lesson?days=400"), "days");
        Assert.Equal(HttpStatusCode.Forbidden, (await tutor.GetAsync($"/api/v1/reports/quick/lesson?tutorId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/api/v1/reports/quick/payment")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/api/v1/reports/quick/lesson?format=json")).StatusCode);
    }
}
