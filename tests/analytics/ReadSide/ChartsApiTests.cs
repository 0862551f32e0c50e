using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using SkiaSharp;
using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests.ReadSide;

[Collection(ReadSideTests.Name)]
public sealed class ChartsApiTests(ReadSideFactory factory)
{
    private static readonly string[] Types =
        ["lessons-per-day", "revenue", "attendance", "cancellations", "heatmap", "homework-scores", "top-materials", "retention"];

    private static readonly string[] Paths =
        ["/api/v1/charts/{type}", "/api/v1/analytics/{area}", "/api/v1/reports/quick/{kind}", "/api/v1/reports/{id}/file"];

    [Fact]
    public async Task Types_lists_every_chart_with_its_parameters()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());

        using var types = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/charts/types"));

        var listed = types.RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(Types.Order(), listed.Keys.Order());
        Assert.Equal("Занятия по дням", listed["lessons-per-day"].GetProperty("title").GetString());
        Assert.All(listed.Values, t => Assert.Contains("days",
            t.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())));
        var openApi = await tutor.GetStringAsync("/openapi/v1.json");
        Assert.All(Paths, path => Assert.Contains(path, openApi));
        Assert.Contains("groupBy", listed["revenue"].GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Every_chart_draws_a_png_of_the_asked_size_and_a_russian_svg_from_a_tutors_events()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 1));
        using var tutor = factory.Tutor(tutorId);

        foreach (var type in Types)
        {
            var png = await tutor.GetAsync($"/api/v1/charts/{type}?days=60&width=640&height=360");
            Assert.True(png.StatusCode == HttpStatusCode.OK, $"{type}: {png.StatusCode} {await png.Content.ReadAsStringAsync()}");
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
            Assert.True(bitmap is not null, $"{type}: the PNG does not decode.");
            Assert.Equal((640, 360), (bitmap.Width, bitmap.Height));

            var svg = XDocument.Parse(await tutor.GetStringAsync($"/api/v1/charts/{type}?days=60&format=svg&width=700&height=400"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Equal("700", svg.Root.Attribute("width")?.Value);
            var text = string.Concat(svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.DoesNotContain("Нет данных", text);
            Assert.Matches("[А-Яа-я]", text);
        }
    }

    [Fact]
    public async Task Lessons_per_day_labels_readable_dates_and_english_follows_accept_language()
    {
        var tutorId = Guid.NewGuid();
        await factory.StoreAsync(Seed.Tutor(tutorId, seed: 2, days: 10));
        using var tutor = factory.Tutor(tutorId);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/charts/lessons-per-day?days=10&format=svg");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var english = SvgText(await (await tutor.SendAsync(request)).Content.ReadAsStringAsync());
        var russian = SvgText(await tutor.GetStringAsync("/api/v1/charts/lessons-per-day?days=10&format=svg&locale=ru"));

        Assert.Contains("Lessons per day", english);
        Assert.Contains(DateTime.UtcNow.ToString("d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), english);
        Assert.Contains("Занятия по дням", russian);
        Assert.Contains("Проведено", russian);
    }

    [Fact]
    public async Task A_period_without_events_draws_a_no_data_image()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());

        var svg = SvgText(await tutor.GetStringAsync("/api/v1/charts/revenue?format=svg"));
        var png = await tutor.GetAsync("/api/v1/charts/heatmap?width=300&height=200");

        Assert.Contains("Нет данных за выбранный период", svg);
        using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.Equal((300, 200), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_parameter_and_an_unknown_type_lists_the_valid_ones()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());

        Assert.Equal(Types.Order(), (await Problems.AssertUnknownAsync(await tutor.GetAsync("/api/v1/charts/pie"))).Order());
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?format=gif"), "format");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?width=10"), "width");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?height=99999"), "height");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?days=0"), "days");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?days=abc"), "days");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/charts/revenue?groupBy=year"), "groupBy");
    }

    [Fact]
    public async Task A_tutor_cannot_draw_another_tutors_chart_and_a_student_only_their_own_kinds()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());
        using var student = factory.Student(Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Forbidden, (await tutor.GetAsync($"/api/v1/charts/revenue?tutorId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/api/v1/charts/retention")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/api/v1/charts/lessons-per-day")).StatusCode);
    }

    private static string SvgText(string svg) =>
        string.Join(" ", XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
}
