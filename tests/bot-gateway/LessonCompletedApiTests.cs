using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Tests;

public sealed class LessonCompletedApiTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    [Fact]
    public async Task Recording_a_completed_lesson_is_202_with_an_event_id()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var lessonId = Guid.NewGuid();

        var response = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 60, subject = "Алгебра" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<EventRecorded>(Json.Options);
        Assert.NotNull(recorded);
        Assert.NotEqual(Guid.Empty, recorded.EventId);
        Assert.Equal((LessonEventsApi.CompletedKind, tutorId, student.StudentId, lessonId, LessonOutcome.Attended, 60),
            (recorded.Kind, recorded.TutorId, recorded.StudentId, recorded.LessonId, recorded.Outcome, recorded.Minutes));
    }

    [Fact]
    public async Task Recording_a_completed_lesson_queues_LessonCompleted_with_the_answered_event_id()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var lessonId = Guid.NewGuid();

        var response = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 45 });
        var recorded = await response.Content.ReadFromJsonAsync<EventRecorded>(Json.Options);

        var row = Assert.Single(await LessonRowsAsync(tutorId, lessonId));
        Assert.Equal(recorded!.EventId, row.MessageId);
        using var body = JsonDocument.Parse(row.Body);
        Assert.Equal(recorded.EventId, body.RootElement.GetProperty("eventId").GetGuid());
        Assert.Equal(45, body.RootElement.GetProperty("minutes").GetInt32());
        Assert.Equal("Attended", body.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Repeating_the_same_request_is_200_with_the_same_event_id_and_one_outbox_row()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var body = new { lessonId = Guid.NewGuid(), studentId = student.StudentId, outcome = "attended", minutes = 60 };
        var first = await tutor.PostAsJsonAsync(Routes.LessonCompleted, body);
        var firstRecorded = await first.Content.ReadFromJsonAsync<EventRecorded>(Json.Options);

        var again = await tutor.PostAsJsonAsync(Routes.LessonCompleted, body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againRecorded = await again.Content.ReadFromJsonAsync<EventRecorded>(Json.Options);
        Assert.Equal(firstRecorded!.EventId, againRecorded!.EventId);
        Assert.Single(await LessonRowsAsync(tutorId, body.lessonId));
    }

    [Fact]
    public async Task Recording_the_same_lesson_with_different_minutes_is_409_problem()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var lessonId = Guid.NewGuid();
        var first = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 60 });

        var conflicting = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 90 });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        var problem = await Problem.ReadAsync(conflicting);
        Assert.Contains(lessonId.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Single(await LessonRowsAsync(tutorId, lessonId));
    }

    [Fact]
    public async Task A_student_not_linked_to_the_tutor_is_404_problem()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        using var otherTutor = factory.TutorClient(Guid.NewGuid());
        var someoneElsesStudent = await BotGatewayFactory.CreateStudentAsync(otherTutor);
        var lessonId = Guid.NewGuid();

        var response = await tutor.PostAsJsonAsync(Routes.LessonCompleted,
            new { lessonId, studentId = someoneElsesStudent.StudentId, outcome = "attended", minutes = 60 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Problem.ReadAsync(response);
        Assert.Contains(someoneElsesStudent.StudentId.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await LessonRowsAsync(tutorId, lessonId));
    }

    private async Task<IReadOnlyList<OutboxRow>> LessonRowsAsync(Guid tutorId, Guid lessonId) =>
        (await OutboxRow.ForTutorAsync(factory.Database, tutorId))
        .Where(r => r.MessageType == typeof(LessonCompleted).FullName && r.Body.Contains(lessonId.ToString(), StringComparison.Ordinal))
        .ToList();
}
