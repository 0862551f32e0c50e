using System.Net;
using System.Net.Http.Json;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

[Collection(SharedNotificationService.Name)]
public sealed class NotificationsApiTests(NotificationFactory factory)
{
    [Fact]
    public async Task A_student_sees_their_own_log_and_not_someone_elses()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Дима Орлов", email);
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));
        Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        using var student = factory.ClientWithToken(factory.Tokens.Student(studentId));
        using var other = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var page = await student.GetFromJsonAsync<NotificationPage>("/api/v1/notifications?status=sent");
        var item = Assert.Single(page!.Items);
        var one = await student.GetFromJsonAsync<NotificationView>($"/api/v1/notifications/{item.Id}");

        Assert.Equal(("lesson-completed", "email", "sent", "Урок проведён: 60 мин", 1), (one!.Type, one.Channel, one.Status, one.Subject, one.Attempts));
        Assert.NotNull(one.SentAt);
        Assert.NotNull(one.ProviderMessageId);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/notifications/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/notifications?recipientId={studentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await student.GetAsync("/api/v1/notifications?status=lost")).StatusCode);
        var metrics = await factory.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("repitbot_notifications_total{channel=\"email\",type=\"lesson-completed\",status=\"sent\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repitbot_notification_latency_seconds_count{channel=\"email\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repitbot_notification_backlog{status=\"pending\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repitbot_template_render_seconds_count{channel=\"email\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_twice_with_one_idempotency_key_sends_one_email()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Ann", email, locale: "en");
        using var admin = factory.Admin();
        var body = new { type = "homework-graded", recipientIds = new[] { studentId }, data = new { student_name = "Ann", score = 97 } };

        async Task<SendResponse> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", $"grade-{studentId:N}");
            var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<SendResponse>())!;
        }

        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Single(first.NotificationIds);
        Assert.Empty(second.NotificationIds);
        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("Homework graded: 97/100", mail.Subject);
        await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.All(r => r.Status == "Sent"));
        Assert.Single(Mailbox.Read(email));
    }

    [Fact]
    public async Task Bad_sends_are_400_naming_the_field()
    {
        using var admin = factory.Admin();

        var unknownUser = await admin.PostAsJsonAsync("/api/v1/notifications", new { type = "test", recipientIds = new[] { Guid.NewGuid() } });
        var badType = await admin.PostAsJsonAsync("/api/v1/notifications", new { type = "nope", recipientIds = Array.Empty<Guid>() });

        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Contains("recipientIds", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var text = await badType.Content.ReadAsStringAsync();
        Assert.Contains("\"type\"", text, StringComparison.Ordinal);
        Assert.Contains("\"recipientIds\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_notification_goes_to_every_channel_and_says_why_one_is_not_used()
    {
        var userId = Guid.NewGuid();
        var email = $"{userId:N}@test.local";
        await factory.RegisterStudentAsync(userId, "Тест", email, chatId: 12345);
        using var client = factory.ClientWithToken(factory.Tokens.Student(userId));

        var response = await client.PostAsync("/api/v1/notifications/test", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("🧪 Тестовое уведомление", mail.Subject);
        var rows = await DeliveryRow.WaitForAsync(factory.Database, userId, rows => rows.Any(r => r.Status == "Sent"));
        // Local settings run without Telegram (Telegram__Mode=off): that channel is suppressed with the reason.
        var telegram = Assert.Single(rows, r => r.Channel == "Telegram");
        Assert.Equal(("Suppressed", "Telegram is off (Telegram__Mode=off)."), (telegram.Status, telegram.LastError));
    }

    [Fact]
    public async Task The_bot_asks_for_a_users_test_notification_with_its_service_token_but_a_user_cannot_name_another()
    {
        var userId = Guid.NewGuid();
        var email = $"{userId:N}@test.local";
        await factory.RegisterStudentAsync(userId, "Тест", email);
        using var bot = factory.ClientWithToken(factory.Tokens.Service());
        using var stranger = factory.ClientWithToken(factory.Tokens.Student(Guid.NewGuid()));

        var forbidden = await stranger.PostAsJsonAsync("/api/v1/notifications/test", new { userId });
        var accepted = await bot.PostAsJsonAsync("/api/v1/notifications/test", new { userId });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("🧪 Тестовое уведомление", mail.Subject);
    }
}
