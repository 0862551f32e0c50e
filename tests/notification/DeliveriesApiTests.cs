using System.Net;
using System.Net.Http.Json;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;

namespace Repitbot.Notification.Tests;

public sealed class DeliveriesApiTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task A_student_sees_their_own_deliveries()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Дима Орлов", email);
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));
        Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        using var student = factory.ClientWithToken(factory.Tokens.Student(studentId));

        var response = await student.GetAsync(new Uri($"/api/v1/notifications/{studentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = Assert.Single((await response.Content.ReadFromJsonAsync<List<DeliveryView>>())!);
        Assert.Equal(("lesson-completed", "Email", "Sent", "Урок проведён: 60 мин", 1),
            (delivery.TemplateKey, delivery.Channel, delivery.Status, delivery.Subject, delivery.Attempts));
        Assert.NotNull(delivery.SentAt);
    }

    [Fact]
    public async Task Another_student_is_403()
    {
        var studentId = Guid.NewGuid();
        using var otherStudent = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var response = await otherStudent.GetAsync(new Uri($"/api/v1/notifications/{studentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
