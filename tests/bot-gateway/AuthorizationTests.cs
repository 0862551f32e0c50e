using System.Net;
using System.Net.Http.Json;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

public sealed class AuthorizationTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    public static TheoryData<string> Endpoints => [Routes.Students.OriginalString, Routes.LessonCompleted.OriginalString];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_token_is_401_problem(string endpoint)
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsync(new Uri(endpoint, UriKind.Relative), Json.Raw("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Problem.ReadAsync(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_student_token_is_403(string endpoint)
    {
        using var student = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var response = await student.PostAsync(new Uri(endpoint, UriKind.Relative), Json.Raw("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem.ReadAsync(response);
    }

    [Fact]
    public async Task A_tutor_creating_a_student_for_another_tutor_is_403()
    {
        using var tutor = factory.TutorClient(Guid.NewGuid());
        var otherTutorId = Guid.NewGuid();

        var response = await tutor.PostAsJsonAsync(Routes.Students, new { displayName = "Чужой ученик", tutorId = otherTutorId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem.ReadAsync(response);
    }

    [Fact]
    public async Task A_tutor_recording_a_lesson_for_another_tutor_is_403()
    {
        using var otherTutor = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(otherTutor);
        using var tutor = factory.TutorClient(Guid.NewGuid());

        var response = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId = Guid.NewGuid(), studentId = student.StudentId, outcome = "attended", minutes = 60, tutorId = student.TutorId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem.ReadAsync(response);
    }
}
