using System.Net;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>Every malformed request is a 400 problem that names what is wrong, never a 500 or an empty 400.</summary>
public sealed class BadInputTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    [Fact]
    public async Task Truncated_json_is_400_naming_where_it_broke()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw("""{"lessonId":"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["lessonId"], await Problem.ReadErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Missing_student_id_is_400_naming_studentId()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted,
            Json.Raw($$"""{"lessonId":"{{Guid.NewGuid()}}","outcome":"attended","minutes":60}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["studentId"], await Problem.ReadErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Minutes_of_the_wrong_type_is_400_naming_minutes()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw(
            $$"""{"lessonId":"{{Guid.NewGuid()}}","studentId":"{{Guid.NewGuid()}}","outcome":"attended","minutes":"abc"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["minutes"], await Problem.ReadErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Minutes_out_of_range_is_400_naming_minutes()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw(
            $$"""{"lessonId":"{{Guid.NewGuid()}}","studentId":"{{Guid.NewGuid()}}","outcome":"attended","minutes":999}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["minutes"], await Problem.ReadErrorFieldsAsync(response));
    }

    [Fact]
    public async Task An_attended_lesson_of_zero_minutes_is_400_naming_minutes()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw(
            $$"""{"lessonId":"{{Guid.NewGuid()}}","studentId":"{{Guid.NewGuid()}}","outcome":"attended","minutes":0}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["minutes"], await Problem.ReadErrorFieldsAsync(response));
    }

    [Fact]
    public async Task An_unknown_event_kind_is_400_naming_kind()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(new Uri("/api/v1/events/foo/bar", UriKind.Relative), Json.Raw("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["kind"], await Problem.ReadErrorFieldsAsync(response));
    }

    private const string LessonId = "6f1c2b1e-0000-4000-8000-000000000001";
    private const string StudentId = "6f1c2b1e-0000-4000-8000-000000000002";

    public static TheoryData<string, string> InvalidLessons => new()
    {
        { $$"""{"lessonId":"{{LessonId}}","studentId":"{{StudentId}}","outcome":"noShow","minutes":30}""", "minutes" },
        { $$"""{"lessonId":"{{LessonId}}","studentId":"{{StudentId}}","outcome":"attended","minutes":60,"subject":"{{new string('x', 201)}}"}""", "subject" },
        { $$"""{"lessonId":"{{LessonId}}","studentId":"{{StudentId}}","outcome":"attended","minutes":60,"occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt" },
        { $$"""{"lessonId":"{{Guid.Empty}}","studentId":"{{StudentId}}","outcome":"attended","minutes":60}""", "lessonId" },
    };

    [Theory]
    [MemberData(nameof(InvalidLessons))]
    public async Task A_lesson_breaking_a_rule_is_400_naming_the_field(string body, string field)
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.LessonCompleted, Json.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await Problem.ReadErrorFieldsAsync(response));
    }

    public static TheoryData<string, string> InvalidStudents => new()
    {
        { """{"displayName":""}""", "displayName" },
        { $$"""{"displayName":"{{new string('a', 201)}}"}""", "displayName" },
        { """{"displayName":"Аня","email":"not-an-email"}""", "email" },
        { """{"displayName":"Аня","locale":"de"}""", "locale" },
        { """{"displayName":"Аня","timeZone":"Mars/Olympus_Mons"}""", "timeZone" },
    };

    [Theory]
    [MemberData(nameof(InvalidStudents))]
    public async Task A_student_breaking_a_rule_is_400_naming_the_field(string body, string field)
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsync(Routes.Students, Json.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await Problem.ReadErrorFieldsAsync(response));
    }
}
