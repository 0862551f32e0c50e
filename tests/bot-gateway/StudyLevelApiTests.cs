using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>PUT/GET /api/v1/students/{id}/level, its history and the tutor's own scale.</summary>
public sealed class StudyLevelApiTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    private static readonly string[] Cefr = ["A1", "A2", "B1", "B2", "C1", "C2"];
    private static readonly string[] OwnScale = ["Beginner", "Intermediate", "Advanced"];
    private static readonly string[] DuplicateScale = ["One", "one"];

    private static string Level(Guid studentId) => $"/api/v1/students/{studentId}/level";

    [Fact]
    public async Task A_tutor_sets_levels_and_the_history_says_who_when_from_and_to_and_each_change_is_published()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var first = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "B1" });
        var second = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = " b2 " });
        var same = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "B2" });
        using var current = JsonDocument.Parse(await tutor.GetStringAsync(Level(student.StudentId)));
        using var history = JsonDocument.Parse(await tutor.GetStringAsync(Level(student.StudentId) + "/history"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, same.StatusCode));
        Assert.Equal("B2", current.RootElement.GetProperty("level").GetString());
        Assert.Equal("cefr", current.RootElement.GetProperty("scale").GetString());
        Assert.Equal(["A1", "A2", "B1", "B2", "C1", "C2"],
            current.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
        var changes = history.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal([("B1", "B2"), (null, "B1")], changes.Select(c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString())));
        Assert.All(changes, c => Assert.Equal(tutorId, c.GetProperty("changedBy").GetGuid()));
        Assert.True(changes[0].GetProperty("changedAt").GetDateTimeOffset() >= changes[1].GetProperty("changedAt").GetDateTimeOffset());

        // The same level again is no change: no history row and no event.
        var published = (await OutboxRow.ForTutorAsync(factory.Database, tutorId))
            .Where(r => r.MessageType == "Repitbot.Contracts.StudentLevelChanged").ToList();
        Assert.Equal(2, published.Count);
        using var last = JsonDocument.Parse(published[1].Body);
        Assert.Equal(("B2", "B1", student.StudentId), (last.RootElement.GetProperty("level").GetString(),
            last.RootElement.GetProperty("previousLevel").GetString(), last.RootElement.GetProperty("studentId").GetGuid()));
    }

    [Fact]
    public async Task Levels_set_at_the_same_time_leave_a_history_where_each_change_starts_from_the_one_before()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var answers = await Task.WhenAll(Cefr.Select(level => tutor.PutAsJsonAsync(Level(student.StudentId), new { level })));
        using var history = JsonDocument.Parse(await tutor.GetStringAsync(Level(student.StudentId) + "/history"));
        using var current = JsonDocument.Parse(await tutor.GetStringAsync(Level(student.StudentId)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var changes = history.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (From: c.GetProperty("from").GetString(), To: c.GetProperty("to").GetString())).Reverse().ToList();
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.OK), changes.Count);
        Assert.Null(changes[0].From);
        Assert.All(changes.Skip(1).Zip(changes), pair => Assert.Equal(pair.Second.To, pair.First.From));
        Assert.Equal(changes[^1].To, current.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_level_not_on_the_scale_is_a_validation_problem_naming_level()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var unknown = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "D7" });
        var empty = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["level"], await Problem.ReadErrorFieldsAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("level", await Problem.ReadErrorFieldsAsync(empty), StringComparer.OrdinalIgnoreCase);
        using var history = JsonDocument.Parse(await tutor.GetStringAsync(Level(student.StudentId) + "/history"));
        Assert.Empty(history.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task Another_tutors_student_is_a_404_problem_and_a_student_reads_only_their_own_level()
    {
        using var owner = factory.TutorClient(Guid.NewGuid());
        using var other = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(owner);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync(Level(student.StudentId), new { level = "A2" })).StatusCode);

        var set = await other.PutAsJsonAsync(Level(student.StudentId), new { level = "C1" });
        var read = await other.GetAsync(Level(student.StudentId));
        var history = await other.GetAsync(Level(student.StudentId) + "/history");
        using var self = factory.ClientWithToken(factory.Tokens.Student(student.StudentId));
        var own = await self.GetAsync(Level(student.StudentId));
        var ownHistory = await self.GetAsync(Level(student.StudentId) + "/history");
        using var stranger = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));
        var foreign = await stranger.GetAsync(Level(student.StudentId));
        var studentSets = await self.PutAsJsonAsync(Level(student.StudentId), new { level = "C2" });

        foreach (var response in new[] { set, read, history })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("student_not_linked", (await Problem.ReadAsync(response)).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("A2", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.OK, ownHistory.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, studentSets.StatusCode);
    }

    [Fact]
    public async Task A_tutors_own_scale_replaces_CEFR_until_it_is_cleared()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);

        var saved = await tutor.PutAsJsonAsync("/api/v1/level-scale", new { levels = OwnScale });
        var cefrRefused = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "B1" });
        var own = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "intermediate" });
        var duplicate = await tutor.PutAsJsonAsync("/api/v1/level-scale", new { levels = DuplicateScale });
        var cleared = await tutor.PutAsJsonAsync("/api/v1/level-scale", new { levels = Array.Empty<string>() });
        var cefrAgain = await tutor.PutAsJsonAsync(Level(student.StudentId), new { level = "B1" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cefrRefused.StatusCode);
        Assert.Equal(["level"], await Problem.ReadErrorFieldsAsync(cefrRefused));
        using var ownBody = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        Assert.Equal(("Intermediate", "custom"), (ownBody.RootElement.GetProperty("level").GetString(), ownBody.RootElement.GetProperty("scale").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["levels"], await Problem.ReadErrorFieldsAsync(duplicate));
        using var clearedBody = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync());
        Assert.Equal("cefr", clearedBody.RootElement.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, cefrAgain.StatusCode);
    }
}
