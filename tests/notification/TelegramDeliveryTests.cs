using System.Net;
using System.Net.Http.Json;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

public sealed class TelegramDeliveryTests(TelegramFactory factory) : IClassFixture<TelegramFactory>
{
    [Fact]
    public async Task A_blocked_bot_disables_telegram_for_the_person_and_falls_back_to_email()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        var chatId = factory.NewChat();
        await factory.RegisterStudentAsync(studentId, "Гоша", email, chatId: chatId);
        factory.Stub.BlockChat(chatId);

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("Урок проведён: 60 мин", mail.Subject);
        var rows = await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Sent"));
        var telegram = Assert.Single(rows, r => r.Channel == "Telegram");
        Assert.Equal("Failed", telegram.Status);
        Assert.Contains("blocked by the user", telegram.LastError, StringComparison.Ordinal);
        using var admin = factory.Admin();
        var preferences = await admin.GetFromJsonAsync<PreferenceView>($"/api/v1/preferences/{studentId}");
        Assert.False(preferences!.TelegramEnabled);
        Assert.Contains("blocked by the user", preferences.TelegramDisabledReason, StringComparison.Ordinal);
        // The next notification goes by e-mail without trying Telegram again.
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.NoShow, 0));
        await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Count(r => r.Status == "Sent") == 2);
        Assert.Single(factory.Stub.Calls("sendMessage", chatId));
    }

    [Fact]
    public async Task A_429_waits_retry_after_and_the_message_goes_once_with_escaped_html()
    {
        var studentId = Guid.NewGuid();
        var chatId = factory.NewChat();
        await factory.RegisterStudentAsync(studentId, "Tom <&> Jerry", null, locale: "en", chatId: chatId);
        factory.Stub.ScriptFault("sendMessage", 429, count: 1, retryAfter: 1, chatId: chatId);

        await factory.PublishAsync(new HomeworkAssigned
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), StudentId = studentId,
            HomeworkId = Guid.NewGuid(), Title = "Read <Hamlet> & write",
        });

        var row = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Sent")));
        Assert.Equal(("Telegram", 2), (row.Channel, row.Attempts));
        var calls = factory.Stub.Calls("sendMessage", chatId);
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1), "the retry came before retry_after");
        var text = calls[1].Parameters["text"]!.GetValue<string>();
        Assert.Contains("Read &lt;Hamlet&gt; &amp; write", text, StringComparison.Ordinal);
        Assert.Equal("html", calls[1].Parameters["parse_mode"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public async Task A_burst_of_300_messages_meets_no_429()
    {
        var people = Enumerable.Range(0, 100).Select(_ => (Id: Guid.NewGuid(), Chat: factory.NewChat())).ToList();
        await Task.WhenAll(people.Select(p => factory.PublishAsync(new UserRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), UserId = p.Id, Role = UserRole.Student,
            DisplayName = "Burst", TelegramChatId = p.Chat,
        })));
        Assert.True(await Eventually.Async(async () => await CountAsync("SELECT count(*) FROM notification.recipients WHERE user_id = ANY($1)",
            people.Select(p => p.Id).ToArray()) == 100), "the recipients were not registered");
        using var admin = factory.Admin();
        var before = factory.Stub.Counters();

        var ids = new List<Guid>();
        for (var round = 0; round < 3; round++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/notifications",
                new { type = "test", channel = "telegram", recipientIds = people.Select(p => p.Id) });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.AddRange((await response.Content.ReadFromJsonAsync<SendResponse>())!.NotificationIds);
        }

        Assert.Equal(300, ids.Count);
        Assert.True(await Eventually.Async(async () => await CountAsync(
            "SELECT count(*) FROM notification.deliveries WHERE id = ANY($1) AND status = 'Sent'", ids.ToArray()) == 300,
            TimeSpan.FromSeconds(40)), $"not all 300 were sent: {factory.Stub.Counters()}");
        var after = factory.Stub.Counters();
        Assert.Equal((300, 0), (after.Sent - before.Sent, after.TooManyRequests - before.TooManyRequests));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM notification.deliveries WHERE id = ANY($1) AND attempts <> 1", ids.ToArray()));
    }

    private async Task<long> CountAsync(string sql, Guid[] ids)
    {
        await using var command = factory.Database.CreateCommand(sql);
        command.Parameters.AddWithValue(ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
