using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Repitbot.Analytics.Tests.ReadSide;

[Collection(ReadSideTests.Name)]
public sealed class ReportJobTests(ReadSideFactory factory)
{
    [Fact]
    public async Task A_full_report_goes_from_queued_to_done_and_its_file_is_a_pdf_with_every_section()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 21, days: 120));
        using var tutor = factory.Tutor(tutorId);
        using var other = factory.Tutor(Guid.NewGuid());

        var started = await tutor.PostAsJsonAsync("/api/v1/reports", new { from = Naive.Today.AddDays(-119), to = Naive.Today });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        using (var queued = JsonDocument.Parse(await started.Content.ReadAsStringAsync()))
        {
            Assert.Equal("queued", queued.RootElement.GetProperty("status").GetString());
            Assert.Equal(0, queued.RootElement.GetProperty("progressPercent").GetInt32());
        }

        var seen = new List<(string Status, int Progress)>();
        var done = await Eventually.Async(async () =>
        {
            using var status = JsonDocument.Parse(await tutor.GetStringAsync(location));
            seen.Add((status.RootElement.GetProperty("status").GetString()!, status.RootElement.GetProperty("progressPercent").GetInt32()));
            return seen[^1].Status is "done" or "failed";
        }, TimeSpan.FromSeconds(60));
        Assert.True(done, $"The job did not finish: {string.Join(", ", seen)}");
        Assert.Equal(("done", 100), seen[^1]);
        Assert.True(seen.Select(s => s.Progress).SequenceEqual(seen.Select(s => s.Progress).Order()), "Progress went backwards.");

        var file = await tutor.GetAsync($"{location}/file");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        var pdf = PdfText.Read(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("Полный отчёт", pdf.Title);
        Assert.True(pdf.Pages.Count >= 7, $"A title page and six sections, got {pdf.Pages.Count} pages.");
        foreach (var heading in new[] { "Разделы", "Занятия", "Платежи", "Ученики", "Домашние задания", "Материалы", "Эксперименты" })
        {
            Assert.True(pdf.Contains(heading), $"No '{heading}' in the report.");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{location}/file")).StatusCode);
    }

    [Fact]
    public async Task Bad_full_report_requests_are_named_and_students_cannot_start_one()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());
        using var student = factory.Student(Guid.NewGuid());

        await Problems.AssertNamesAsync(await tutor.PostAsJsonAsync("/api/v1/reports", new { from = "2026-05-02", to = "2026-05-01" }), "from");
        await Problems.AssertNamesAsync(await tutor.PostAsJsonAsync("/api/v1/reports", new { format = "docx" }), "format");
        await Problems.AssertNamesAsync(await tutor.PostAsJsonAsync("/api/v1/reports", new { from = "1900-01-01" }), "to");
        Assert.Equal(HttpStatusCode.Forbidden, (await tutor.PostAsJsonAsync("/api/v1/reports", new { tutorId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.PostAsJsonAsync("/api/v1/reports", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync($"/api/v1/reports/{Guid.NewGuid()}")).StatusCode);
    }
}
