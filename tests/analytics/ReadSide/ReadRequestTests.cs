using System.Net;
using System.Text.Json;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Areas, charts and quick reports check whose data, which zone and the period the same way, and say so in their docs.</summary>
[Collection(ReadSideTests.Name)]
public sealed class ReadRequestTests(ReadSideFactory factory)
{
    // Per endpoint: its base path, a target with tz, one without, one a student may not read, and a bad period.
    public static TheoryData<string, string, string, string, string, string> Endpoints => new()
    {
        { "/api/v1/analytics/", "lessons", "payments", "students", "from=2026-05-02&to=2026-05-01", "from" },
        { "/api/v1/charts/", "heatmap", "revenue", "retention", "days=0", "days" },
        { "/api/v1/reports/quick/", "lesson", "payment", "student", "days=400", "days" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_read_endpoint_answers_the_same_mistakes_with_the_same_problems(
        string path, string zoned, string unzoned, string tutorsOnly, string badPeriod, string periodField)
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.Tutor(tutorId);
        using var student = factory.Student(Guid.NewGuid());

        Assert.Contains(zoned, await Problems.AssertUnknownAsync(await tutor.GetAsync($"{path}no-such-thing")));
        await Problems.AssertNamesAsync(await tutor.GetAsync($"{path}{zoned}?tutorId=abc"), "tutorId");
        await Problems.AssertNamesAsync(await tutor.GetAsync($"{path}{zoned}?tz=Mars/Olympus"), "tz");
        await Problems.AssertNamesAsync(await tutor.GetAsync($"{path}{unzoned}?tz=Mars/Olympus"), "tz");
        Assert.Equal(HttpStatusCode.OK, (await tutor.GetAsync($"{path}{unzoned}?tz=Asia/Kolkata")).StatusCode);
        await Problems.AssertNamesAsync(await tutor.GetAsync($"{path}{zoned}?{badPeriod}"), periodField);
        Assert.Equal(HttpStatusCode.Forbidden, (await tutor.GetAsync($"{path}{zoned}?tutorId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"{path}{tutorsOnly}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tutor.GetAsync($"{path}{zoned}?tutorId={tutorId}&tz=Europe/Moscow")).StatusCode);
    }

    [Fact]
    public async Task The_docs_list_tutorId_tz_and_the_refusals_for_every_read_endpoint()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());
        using var openApi = JsonDocument.Parse(await tutor.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/analytics/{area}", "/api/v1/charts/{type}", "/api/v1/reports/quick/{kind}" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            var parameters = get.GetProperty("parameters").EnumerateArray()
                .Select(p => (Name: p.GetProperty("name").GetString(), In: p.GetProperty("in").GetString())).ToList();
            Assert.Contains(("tutorId", "query"), parameters);
            Assert.Contains(("tz", "query"), parameters);
            Assert.Contains(parameters, p => p.In == "path");
            var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains("400", responses);
            Assert.Contains("403", responses);
            Assert.Contains("404", responses);
        }
    }
}
