using System.Net;
using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

[Collection(SharedNotificationService.Name)]
public sealed class LessonEmailTests(NotificationFactory factory)
{
    [Fact]
    public async Task A_completed_lesson_emails_the_student_in_russian()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Аня Смирнова", email);

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal(email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Урок проведён: 60 мин", mail.Subject);
        // What the reader sees: the encoder may write letters as character references.
        Assert.Contains("Аня Смирнова", WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("Аня Смирнова", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_lesson_emails_an_english_speaking_student_in_english()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Ann Smith", email, locale: "en");

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 45));

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("Lesson completed: 45 min", mail.Subject);
        Assert.Contains("Hello, Ann Smith!", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_show_emails_that_the_lesson_was_missed()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Петя Иванов", email);

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.NoShow, 0));

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("Урок пропущен", mail.Subject);
    }

    [Fact]
    public async Task A_redelivered_lesson_event_sends_no_second_email()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Оля Кузнецова", email);
        var lesson = NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 90);
        await factory.PublishAsync(lesson);
        Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));

        await factory.RedeliverAsync(lesson);

        Assert.Single(Mailbox.Read(email));
        var delivery = Assert.Single(await DeliveryRow.ForRecipientAsync(factory.Database, studentId));
        Assert.Equal(("Sent", 1, email), (delivery.Status, delivery.Attempts, delivery.Address));
    }
}
