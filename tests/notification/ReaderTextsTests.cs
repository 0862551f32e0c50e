using Repitbot.Contracts;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>What each reader of a lesson message reads: the student is spoken to, a parent and the tutor read the student's name.</summary>
[Collection(SharedNotificationService.Name)]
public sealed class ReaderTextsTests(NotificationFactory factory)
{
    [Fact]
    public async Task A_completed_lesson_speaks_to_the_student_names_the_child_to_the_parent_and_gives_the_lessons_own_time()
    {
        var (tutorId, studentId, parentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (studentMail, parentMail) = ($"{studentId:N}@test.local", $"{parentId:N}@test.local");
        await factory.RegisterStudentAsync(studentId, "Пётр", studentMail);
        await factory.RegisterAsync(parentId, UserRole.Parent, "Мария Петровна", parentMail);
        await factory.RedeliverAsync(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow.AddDays(-30), TutorId = tutorId, StudentId = studentId,
            LinkId = Guid.NewGuid(), ParentId = parentId, ValidFrom = DateTimeOffset.UtcNow.AddDays(-30), StudentName = "Пётр",
        });

        // Recorded now, taught on 25 November 2030 at 18:00 Moscow time.
        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60) with
        {
            TutorId = tutorId, StartsAt = DateTimeOffset.Parse("2030-11-25T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        });

        var toStudent = Assert.Single(await Mailbox.WaitForAsync(studentMail, NotificationFactory.MailTimeout));
        var toParent = Assert.Single(await Mailbox.WaitForAsync(parentMail, NotificationFactory.MailTimeout));
        Assert.Contains("Ваш урок от 25 ноября 2030, 18:00 проведён, длительность 60 мин.", toStudent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("для ученика", toStudent.TextBody, StringComparison.Ordinal);
        Assert.Contains("Урок для ученика Пётр от 25 ноября 2030, 18:00 проведён", toParent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_scheduled_reads_as_the_students_own_in_english_and_as_the_childs_to_the_parent()
    {
        var (tutorId, studentId, parentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (studentMail, parentMail) = ($"{studentId:N}@test.local", $"{parentId:N}@test.local");
        await factory.RegisterStudentAsync(studentId, "Peter", studentMail, locale: "en", timeZone: "Europe/London");
        await factory.RegisterAsync(parentId, UserRole.Parent, "Mary", parentMail);
        await factory.RedeliverAsync(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow.AddDays(-1), TutorId = tutorId, StudentId = studentId,
            LinkId = Guid.NewGuid(), ParentId = parentId, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1), StudentName = "Peter",
        });

        await factory.PublishAsync(new LessonScheduled
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId, LessonId = Guid.NewGuid(),
            StartsAt = DateTimeOffset.Parse("2030-11-25T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DurationMinutes = 60,
        });

        var toStudent = Assert.Single(await Mailbox.WaitForAsync(studentMail, NotificationFactory.MailTimeout));
        var toParent = Assert.Single(await Mailbox.WaitForAsync(parentMail, NotificationFactory.MailTimeout));
        Assert.Contains("Your lesson is scheduled for 25 November 2030, 15:00, 60 min.", toStudent.TextBody, StringComparison.Ordinal);
        Assert.Contains("Урок для ученика Peter назначен на 25 ноября 2030, 18:00, 60 мин.", toParent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_joining_is_not_announced_to_the_tutor_as_a_new_student()
    {
        var (tutorId, studentId, parentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.RegisterAsync(tutorId, UserRole.Tutor, "Ольга", $"{tutorId:N}@test.local");
        await factory.RegisterStudentAsync(studentId, "Пётр", null);
        var link = new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId,
            LinkId = Guid.NewGuid(), ValidFrom = DateTimeOffset.UtcNow, StudentName = "Пётр",
        };

        await factory.RedeliverAsync(link);
        await factory.RedeliverAsync(link with { EventId = Guid.NewGuid(), ParentId = parentId });

        Assert.Single(await DeliveryRow.ForRecipientAsync(factory.Database, tutorId), r => r.TemplateKey == "student-linked");
    }

    [Fact]
    public async Task The_tutor_is_told_the_new_students_name_even_when_the_link_is_handled_before_the_students_registration()
    {
        var (tutorId, studentId) = (Guid.NewGuid(), Guid.NewGuid());
        var tutorMail = $"{tutorId:N}@test.local";
        await factory.RegisterAsync(tutorId, UserRole.Tutor, "Ольга", tutorMail);

        // An event as the bot published it before StudentLinked carried the name: the name only comes with UserRegistered.
        await factory.PublishAsync(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId,
            LinkId = Guid.NewGuid(), ValidFrom = DateTimeOffset.UtcNow,
        });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await factory.RegisterStudentAsync(studentId, "Пётр Новиков", null);

        var mail = Assert.Single(await Mailbox.WaitForAsync(tutorMail, NotificationFactory.MailTimeout));
        Assert.Equal("Новый ученик: Пётр Новиков", mail.Subject);
    }
}
