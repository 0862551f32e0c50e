using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Repitbot.Analytics.Exports;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

public sealed class ExportImportTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    // Far in the past: few other events share these days, so an admin's export stays small.
    private static readonly DateTimeOffset Day1 = new(2021, 3, 14, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_tutor_exports_own_events_as_jsonl_and_csv_and_an_admin_sees_everyones()
    {
        var (tutor, other) = (Guid.NewGuid(), Guid.NewGuid());
        IDomainEvent[] mine = [Lessons.Attended(tutor, 45, Day1), Lessons.NoShow(tutor, Day1.AddMinutes(2)), Lessons.Attended(tutor, 60, Day1.AddDays(1))];
        var theirs = Lessons.Attended(other, 30, Day1);
        await factory.Ingestor.IngestAsync([.. mine.Append(theirs).Select(IngestedEvent.From)], CancellationToken.None);
        using var client = factory.TutorClient(tutor);

        var jsonl = await GetTextAsync(client, "format=jsonl");
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(mine.Select(e => e.EventId), lines.Select(l => l.GetProperty("event").GetProperty("eventId").GetGuid()));
        Assert.All(lines, l => Assert.Equal("LessonCompleted", l.GetProperty("type").GetString()));
        Assert.Equal("NoShow", lines[1].GetProperty("event").GetProperty("outcome").GetString());

        var csv = (await GetTextAsync(client, "format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("event_id,type,tutor_id,student_id,occurred_at,payload", csv[0]);
        Assert.Equal(mine.Select(e => e.EventId.ToString()), csv.Skip(1).Select(r => r.Split(',')[0]));
        Assert.Contains("\"\"outcome\"\": \"\"Attended\"\"", csv[1], StringComparison.Ordinal);

        var all = await GetTextAsync(factory.ClientWithToken(factory.Tokens.Admin()), "format=jsonl");
        Assert.Contains(theirs.EventId.ToString(), all, StringComparison.Ordinal);
        Assert.Contains(mine[0].EventId.ToString(), all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2021-03-16&to=2021-03-14&format=csv", "from")]
    [InlineData("from=2020-01-01&to=2021-03-14&format=csv", "to")]
    [InlineData("from=2021-03-14&to=2021-03-15&format=xml", "format")]
    [InlineData("from=14.03.2021&to=2021-03-15", "from")]
    [InlineData("to=2021-03-15", "from")]
    public async Task Bad_export_parameters_are_400_naming_the_parameter(string query, string parameter)
    {
        var response = await factory.TutorClient(Guid.NewGuid()).GetAsync(new Uri("/api/v1/export/events?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([parameter], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task An_import_stores_good_lines_once_and_reports_each_bad_line()
    {
        var tutor = Guid.NewGuid();
        var first = Lessons.Attended(tutor, 50, Day1);
        var second = new HomeworkGraded { EventId = Guid.NewGuid(), OccurredAt = Day1, TutorId = tutor, StudentId = Guid.NewGuid(), HomeworkId = Guid.NewGuid(), Score = 80 };
        string[] body =
        [
            Line(first),
            "{ not json",
            Line(second),
            "",
            Line(first),
            """{"type":"LessonTeleported","event":{}}""",
            Line(second with { EventId = Guid.NewGuid(), Score = 150 }),
        ];
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());

        var report = await ImportAsync(admin, body);

        Assert.Equal((6, 3, 2, 1, 3), (report.Lines, report.Accepted, report.Stored, report.Duplicates, report.Rejected));
        Assert.Equal([2, 6, 7], report.Errors.Select(e => e.Line));
        Assert.Contains("LessonTeleported", report.Errors[1].Error, StringComparison.Ordinal);
        Assert.Contains("score", report.Errors[2].Error, StringComparison.Ordinal);
        Assert.Equal(2, await Store.EventCountAsync(factory.Database, tutor));

        // The tutor's own export, imported again, changes nothing: an export is a valid import.
        var exported = await GetTextAsync(factory.TutorClient(tutor), "format=jsonl");
        var again = await ImportAsync(admin, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal((2, 2, 0, 0), (again.Lines, again.Accepted, again.Stored, again.Rejected));
        Assert.Equal((1, 0, 50), await Store.RollupTotalsAsync(factory.Database, tutor));
    }

    [Fact]
    public async Task A_tutor_may_not_import()
    {
        var response = await factory.TutorClient(Guid.NewGuid()).PostAsync(new Uri("/api/v1/import", UriKind.Relative),
            new StringContent(Line(Lessons.Attended(Guid.NewGuid(), 30)), Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Line<T>(T e)
        where T : IDomainEvent => JsonSerializer.Serialize(new { type = typeof(T).Name, @event = e }, WireFormat.Json);

    private static async Task<string> GetTextAsync(HttpClient client, string format)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/export/events?from=2021-03-14&to=2021-03-15&{format}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Report> ImportAsync(HttpClient admin, IEnumerable<string> lines)
    {
        var response = await admin.PostAsync(new Uri("/api/v1/import", UriKind.Relative),
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Report>())!;
    }

    private sealed record Report(int Lines, int Accepted, int Stored, int Duplicates, int Rejected, List<ImportError> Errors);
}
