using System.Net;
using System.Text.Json;
using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Every area against the same figures computed naively over the seeded events.</summary>
[Collection(ReadSideTests.Name)]
public sealed class AreasApiTests(ReadSideFactory factory)
{
    private static readonly DateOnly To = Naive.Today, From = Naive.Today.AddDays(-29);
    private static string Range => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";

    [Fact]
    public async Task Every_area_matches_a_naive_computation_over_random_events()
    {
        var tutorId = Guid.NewGuid();
        var events = Seed.Tutor(tutorId, seed: 11, days: 60, students: 8);
        await factory.StoreAsync(events);
        await factory.StoreAsync(Seed.Tutor(Guid.NewGuid(), seed: 12)); // another tutor's events must not leak in
        using var tutor = factory.Tutor(tutorId);
        var inPeriod = events.Where(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime) >= From).ToList();

        using var lessons = await GetAsync(tutor, "lessons", "&groupBy=week");
        var expected = Naive.Lessons(events, From, To);
        var l = lessons.RootElement;
        Assert.Equal((expected.Scheduled, expected.Attended, expected.NoShows, expected.Cancelled),
            (l.GetProperty("scheduled").GetInt32(), l.GetProperty("completed").GetInt32(), l.GetProperty("noShows").GetInt32(), l.GetProperty("cancelled").GetInt32()));
        Assert.Equal(Math.Round(expected.Minutes / 60.0, 2), l.GetProperty("hoursTaught").GetDouble());
        Assert.Equal(expected.Attended, l.GetProperty("heatmap").EnumerateArray().SelectMany(d => d.EnumerateArray()).Sum(c => c.GetInt32()));
        Assert.Equal(expected.Attended, l.GetProperty("series").EnumerateArray().Sum(p => p.GetProperty("completed").GetInt32()));
        var reasons = inPeriod.Select(e => e.Body).OfType<LessonCancelled>().GroupBy(c => c.Reason).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(reasons, l.GetProperty("cancelledByReason").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("count").GetInt32()));

        using var payments = await GetAsync(tutor, "payments");
        var received = inPeriod.Select(e => e.Body).OfType<PaymentReceived>().ToList();
        var rub = payments.RootElement.GetProperty("totals").EnumerateArray().Single();
        Assert.Equal(received.Sum(p => p.AmountMinor), rub.GetProperty("revenueMinor").GetInt64());
        Assert.Equal(received.Count, rub.GetProperty("payments").GetInt32());
        foreach (var student in payments.RootElement.GetProperty("students").EnumerateArray())
        {
            var id = student.GetProperty("studentId").GetGuid();
            var paid = events.Select(e => e.Body).OfType<PaymentReceived>().Where(p => p.StudentId == id).Sum(p => p.AmountMinor);
            var held = events.Select(e => e.Body).OfType<LessonCompleted>().Count(c => c.StudentId == id);
            Assert.Equal((paid, held * 150_000L, Math.Max(0, held * 150_000L - paid)),
                (student.GetProperty("paidMinor").GetInt64(), student.GetProperty("chargedMinor").GetInt64(), student.GetProperty("outstandingMinor").GetInt64()));
        }

        using var homework = await GetAsync(tutor, "homework");
        var submitted = inPeriod.Select(e => e.Body).OfType<HomeworkSubmitted>().ToList();
        var graded = inPeriod.Select(e => e.Body).OfType<HomeworkGraded>().ToList();
        var h = homework.RootElement;
        Assert.Equal((inPeriod.Select(e => e.Body).OfType<HomeworkAssigned>().Count(), submitted.Count, submitted.Count(s => s.OccurredAt <= s.DueAt), graded.Count),
            (h.GetProperty("assigned").GetInt32(), h.GetProperty("submitted").GetInt32(), h.GetProperty("submittedOnTime").GetInt32(), h.GetProperty("graded").GetInt32()));
        Assert.Equal(graded.Count == 0 ? null : Math.Round(graded.Average(g => g.Score), 1), Nullable(h.GetProperty("averageScore")));
        Assert.Equal(Rates.Percent(graded.Count(g => g.Score >= 60), graded.Count), Nullable(h.GetProperty("successRatePercent")));

        using var materials = await GetAsync(tutor, "materials");
        var views = inPeriod.Select(e => e.Body).OfType<MaterialViewed>().ToList();
        Assert.Equal(views.Count, materials.RootElement.GetProperty("views").GetInt32());
        Assert.Equal(views.GroupBy(v => v.MaterialId).ToDictionary(g => g.Key, g => g.Count()),
            materials.RootElement.GetProperty("top").EnumerateArray().ToDictionary(m => m.GetProperty("materialId").GetGuid(), m => m.GetProperty("views").GetInt32()));

        using var experiments = await GetAsync(tutor, "experiments");
        var assigned = inPeriod.Select(e => e.Body).OfType<ExperimentAssigned>().ToList();
        var converted = events.Select(e => e.Body).OfType<ExperimentConverted>().Select(c => c.UserId).ToHashSet();
        var variants = experiments.RootElement.GetProperty("experiments").EnumerateArray().Single().GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(assigned.GroupBy(a => a.Variant).ToDictionary(g => g.Key, g => (g.Count(), g.Count(a => converted.Contains(a.UserId)))),
            variants.ToDictionary(v => v.GetProperty("variant").GetString()!, v => (v.GetProperty("users").GetInt32(), v.GetProperty("converted").GetInt32())));

        using var students = await GetAsync(tutor, "students");
        var active = events.Where(e => e.StudentId is not null && e.OccurredAt >= new DateTimeOffset(To.AddDays(-29).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).Select(e => e.StudentId).Distinct().Count();
        Assert.Equal(active, students.RootElement.GetProperty("mau").GetInt32());
        Assert.All(students.RootElement.GetProperty("churnRisk").EnumerateArray(), c => Assert.InRange(c.GetProperty("score").GetInt32(), 0, 100));
    }

    [Fact]
    public async Task A_student_sees_only_their_own_lessons_and_a_tutor_never_another_tutors()
    {
        var tutorId = Guid.NewGuid();
        var events = Seed.Tutor(tutorId, seed: 13, days: 20);
        await factory.StoreAsync(events);
        var studentId = events.First(e => e.Type == nameof(LessonCompleted)).StudentId!.Value;
        using var student = factory.Student(studentId);
        using var other = factory.Tutor(Guid.NewGuid());
        using var admin = factory.Admin();

        using var own = await GetAsync(student, "lessons");
        var mine = events.Where(e => e.StudentId == studentId).ToList();
        Assert.Equal(Naive.Lessons(mine, From, To).Attended, own.RootElement.GetProperty("completed").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/api/v1/analytics/students?{Range}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/analytics/lessons?{Range}&tutorId={tutorId}")).StatusCode);
        using var asAdmin = await GetAsync(admin, "lessons", $"&tutorId={tutorId}");
        Assert.Equal(Naive.Lessons(events, From, To).Attended, asAdmin.RootElement.GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Bad_periods_and_unknown_areas_are_problems_naming_the_parameter()
    {
        using var tutor = factory.Tutor(Guid.NewGuid());

        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/lessons?from=2026-05-02&to=2026-05-01"), "from");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/lessons?from=2020-01-01&to=2026-01-01"), "to");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/lessons?groupBy=year"), "groupBy");
        await Problems.AssertNamesAsync(await tutor.GetAsync("/api/v1/analytics/lessons?from=yesterday"), "from");
        Assert.Equal(AreaCatalog.All.Select(a => a.Name), await Problems.AssertUnknownAsync(await tutor.GetAsync("/api/v1/analytics/weather")));
    }

    [Fact]
    public void The_z_test_matches_a_textbook_example()
    {
        var test = ProportionTest.Compare(200, 1000, 250, 1000)!;

        Assert.InRange(test.Z, 2.67, 2.685);
        Assert.InRange(test.PValue, 0.0069, 0.0079);
        Assert.InRange(test.CiLowPoints, 1.2, 1.4);
        Assert.InRange(test.CiHighPoints, 8.6, 8.8);
        Assert.True(test.Significant);
        Assert.False(ProportionTest.Compare(20, 100, 21, 100)!.Significant);
    }

    private static double? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static async Task<JsonDocument> GetAsync(HttpClient client, string area, string extra = "")
    {
        var response = await client.GetAsync($"/api/v1/analytics/{area}?{Range}{extra}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{area}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
