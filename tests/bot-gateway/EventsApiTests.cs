using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Tests;

/// <summary>REST intake for every event kind: recorded once, published through the outbox, scoped to the tutor's students.</summary>
public sealed class EventsApiTests(BotGatewayFactory factory) : IClassFixture<BotGatewayFactory>
{
    private static Uri Event(string kind) => new($"/api/v1/events/{kind}", UriKind.Relative);

    [Fact]
    public async Task A_lesson_is_scheduled_rescheduled_and_cancelled_each_once()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var lessonId = Guid.NewGuid();
        var schedule = new { lessonId, studentId = student.StudentId, startsAt = "2030-03-01T15:00:00+03:00", durationMinutes = 60, priceMinor = 200000 };

        var scheduled = await tutor.PostAsJsonAsync(Event("lessons/scheduled"), schedule);
        var again = await tutor.PostAsJsonAsync(Event("lessons/scheduled"), schedule);
        var moved = await tutor.PostAsJsonAsync(Event("lessons/rescheduled"), new { lessonId, startsAt = "2030-03-02T15:00:00+03:00" });
        var cancelled = await tutor.PostAsJsonAsync(Event("lessons/cancelled"), new { lessonId, reason = "Заболел" });
        var completedAfterCancel = await tutor.PostAsJsonAsync(Event("lessons/completed"),
            new { lessonId, studentId = student.StudentId, outcome = "attended", minutes = 60 });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Conflict),
            (scheduled.StatusCode, again.StatusCode, moved.StatusCode, cancelled.StatusCode, completedAfterCancel.StatusCode));
        var first = await EventOf(scheduled);
        Assert.Equal(first.GetProperty("eventId").GetGuid(), (await EventOf(again)).GetProperty("eventId").GetGuid());
        Assert.Equal(DateTimeOffset.Parse("2030-03-01T12:00:00Z"), first.GetProperty("startsAt").GetDateTimeOffset());
        var move = await EventOf(moved);
        Assert.Equal(DateTimeOffset.Parse("2030-03-01T12:00:00Z"), move.GetProperty("previousStartsAt").GetDateTimeOffset());
        Assert.Equal(60, move.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Заболел", (await EventOf(cancelled)).GetProperty("reason").GetString());
        Assert.Equal(["LessonScheduled", "LessonRescheduled", "LessonCancelled"], await EventTypesAsync(tutorId));
    }

    [Fact]
    public async Task Homework_is_assigned_submitted_and_graded()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var homeworkId = Guid.NewGuid();

        var assigned = await tutor.PostAsJsonAsync(Event("homework/assigned"),
            new { homeworkId, studentId = student.StudentId, title = "Упражнения 1–5", dueAt = "2030-03-05T18:00:00Z" });
        var submitted = await tutor.PostAsJsonAsync(Event("homework/submitted"), new { homeworkId });
        var badScore = await tutor.PostAsJsonAsync(Event("homework/graded"), new { homeworkId, score = 101 });
        var graded = await tutor.PostAsJsonAsync(Event("homework/graded"), new { homeworkId, score = 87 });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Accepted),
            (assigned.StatusCode, submitted.StatusCode, badScore.StatusCode, graded.StatusCode));
        Assert.Equal(["score"], await Problem.ReadErrorFieldsAsync(badScore));
        Assert.Equal(DateTimeOffset.Parse("2030-03-05T18:00:00Z"), (await EventOf(submitted)).GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(87, (await EventOf(graded)).GetProperty("score").GetInt32());
        Assert.Equal(["HomeworkAssigned", "HomeworkSubmitted", "HomeworkGraded"], await EventTypesAsync(tutorId));
    }

    [Fact]
    public async Task A_payment_is_received_and_refunded_up_to_its_amount()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        var paymentId = Guid.NewGuid();

        var received = await tutor.PostAsJsonAsync(Event("payments/received"),
            new { paymentId, studentId = student.StudentId, amountMinor = 800000, method = "transfer", lessonsCovered = 4 });
        var tooMuch = await tutor.PostAsJsonAsync(Event("payments/refunded"), new { paymentId, amountMinor = 900000 });
        var refunded = await tutor.PostAsJsonAsync(Event("payments/refunded"), new { paymentId, amountMinor = 200000, reason = "Один урок не состоялся" });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Accepted),
            (received.StatusCode, tooMuch.StatusCode, refunded.StatusCode));
        Assert.Equal(["amountMinor"], await Problem.ReadErrorFieldsAsync(tooMuch));
        var payment = await EventOf(received);
        Assert.Equal(("RUB", "transfer", 4), (payment.GetProperty("currency").GetString(), payment.GetProperty("method").GetString(),
            payment.GetProperty("lessonsCovered").GetInt32()));
        Assert.Equal(200000, (await EventOf(refunded)).GetProperty("amountMinor").GetInt64());
        Assert.Equal(["PaymentReceived", "PaymentRefunded"], await EventTypesAsync(tutorId));
    }

    [Fact]
    public async Task A_material_shared_with_all_students_is_viewed_by_one_but_not_by_a_stranger()
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        var student = await BotGatewayFactory.CreateStudentAsync(tutor);
        using var otherTutor = factory.TutorClient(Guid.NewGuid());
        var stranger = await BotGatewayFactory.CreateStudentAsync(otherTutor);
        var materialId = Guid.NewGuid();

        var shared = await tutor.PostAsJsonAsync(Event("materials/shared"),
            new { materialId, title = "Таблица глаголов", url = "https://example.org/verbs.pdf", mimeType = "application/pdf" });
        var viewId = Guid.NewGuid();
        var viewed = await tutor.PostAsJsonAsync(Event("materials/viewed"), new { materialId, studentId = student.StudentId, viewId });
        var viewedAgain = await tutor.PostAsJsonAsync(Event("materials/viewed"), new { materialId, studentId = student.StudentId, viewId });
        var strangerView = await tutor.PostAsJsonAsync(Event("materials/viewed"), new { materialId, studentId = stranger.StudentId });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.NotFound),
            (shared.StatusCode, viewed.StatusCode, viewedAgain.StatusCode, strangerView.StatusCode));
        Assert.Equal(JsonValueKind.Null, (await EventOf(shared)).GetProperty("studentId").ValueKind);
        Assert.Equal(["MaterialShared", "MaterialViewed"], await EventTypesAsync(tutorId));
    }

    public static TheoryData<string, string> ForeignStudentBodies => new()
    {
        { "lessons/scheduled", """{"lessonId":"{{new}}","studentId":"{{student}}","startsAt":"2030-01-01T10:00:00Z","durationMinutes":60}""" },
        { "lessons/completed", """{"lessonId":"{{new}}","studentId":"{{student}}","outcome":"attended","minutes":60}""" },
        { "homework/assigned", """{"homeworkId":"{{new}}","studentId":"{{student}}","title":"Эссе"}""" },
        { "payments/received", """{"paymentId":"{{new}}","studentId":"{{student}}","amountMinor":100,"method":"cash"}""" },
        { "materials/shared", """{"materialId":"{{new}}","studentId":"{{student}}","title":"Словарь"}""" },
    };

    [Theory]
    [MemberData(nameof(ForeignStudentBodies))]
    public async Task A_tutor_posting_for_another_tutors_student_is_404_and_publishes_nothing(string kind, string template)
    {
        var tutorId = Guid.NewGuid();
        using var tutor = factory.TutorClient(tutorId);
        using var otherTutor = factory.TutorClient(Guid.NewGuid());
        var foreign = await BotGatewayFactory.CreateStudentAsync(otherTutor);
        var body = template.Replace("{{new}}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{{student}}", foreign.StudentId.ToString(), StringComparison.Ordinal);

        var response = await tutor.PostAsync(Event(kind), Json.Raw(body));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(foreign.StudentId.ToString(), (await Problem.ReadAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await OutboxRow.ForTutorAsync(factory.Database, tutorId));
    }

    [Fact]
    public async Task Acting_on_another_tutors_lesson_homework_or_payment_is_404()
    {
        using var owner = factory.TutorClient(Guid.NewGuid());
        var student = await BotGatewayFactory.CreateStudentAsync(owner);
        var (lessonId, homeworkId, paymentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await owner.PostAsJsonAsync(Event("lessons/scheduled"), new { lessonId, studentId = student.StudentId, startsAt = "2030-01-01T10:00:00Z", durationMinutes = 60 });
        await owner.PostAsJsonAsync(Event("homework/assigned"), new { homeworkId, studentId = student.StudentId, title = "Эссе" });
        await owner.PostAsJsonAsync(Event("payments/received"), new { paymentId, studentId = student.StudentId, amountMinor = 100, method = "cash" });
        using var intruder = factory.TutorClient(Guid.NewGuid());

        var responses = new[]
        {
            await intruder.PostAsJsonAsync(Event("lessons/cancelled"), new { lessonId, reason = "x" }),
            await intruder.PostAsJsonAsync(Event("lessons/rescheduled"), new { lessonId, startsAt = "2030-01-02T10:00:00Z" }),
            await intruder.PostAsJsonAsync(Event("homework/graded"), new { homeworkId, score = 10 }),
            await intruder.PostAsJsonAsync(Event("payments/refunded"), new { paymentId }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task An_admin_recording_an_event_must_name_the_tutor()
    {
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());

        var response = await admin.PostAsJsonAsync(Event("homework/graded"), new { homeworkId = Guid.NewGuid(), score = 50 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["tutorId"], await Problem.ReadErrorFieldsAsync(response));
    }

    private static async Task<JsonElement> EventOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("event").Clone();
    }

    private async Task<List<string>> EventTypesAsync(Guid tutorId) =>
        (await OutboxRow.ForTutorAsync(factory.Database, tutorId))
        .Select(r => r.MessageType.Replace("Repitbot.Contracts.", "", StringComparison.Ordinal))
        .Where(t => t is not ("UserRegistered" or "StudentLinked"))
        .ToList();
}
