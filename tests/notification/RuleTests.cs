using System.Net.Http.Json;
using Repitbot.Contracts;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

[Collection(SharedNotificationService.Name)]
public sealed class RuleTests(NotificationFactory factory)
{
    private static LessonScheduled Scheduled(Guid tutorId, Guid studentId, Guid lessonId, DateTimeOffset startsAt) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
        StartsAt = startsAt, DurationMinutes = 60, Subject = "Физика",
    };

    [Fact]
    public async Task A_scheduled_lesson_tells_student_and_parent_and_its_reminder_fires_once()
    {
        var (tutorId, studentId, parentId, lessonId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (studentMail, parentMail) = ($"{studentId:N}@test.local", $"{parentId:N}@test.local");
        await factory.RegisterStudentAsync(studentId, "Саша", studentMail);
        await factory.RegisterAsync(parentId, UserRole.Parent, "Мама Саши", parentMail);
        await factory.RedeliverAsync(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId, LinkId = Guid.NewGuid(),
            ParentId = parentId, ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
        });
        var lesson = Scheduled(tutorId, studentId, lessonId, DateTimeOffset.UtcNow.AddHours(1));

        await factory.PublishAsync(lesson);
        await factory.RedeliverAsync(lesson);

        var reminders = await DeliveryRow.WaitForAsync(factory.Database, parentId,
            rows => rows.Count(r => r.Status == "Sent") == 2, TimeSpan.FromSeconds(25));
        Assert.Equal(["lesson-scheduled", "lesson-reminder"], reminders.Where(r => r.Status == "Sent").Select(r => r.TemplateKey).Order().Reverse());
        var parentMails = Mailbox.Read(parentMail);
        Assert.Equal(2, parentMails.Count);
        var reminder = Assert.Single(parentMails, m => m.Subject != null && m.Subject.StartsWith("Напоминание: урок", StringComparison.Ordinal));
        Assert.Contains("Через 1\u00A0ч начнётся урок для ученика Саша: ", reminder.TextBody, StringComparison.Ordinal);
        await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Count(r => r.Status == "Sent") == 2);
        Assert.Equal(2, Mailbox.Read(studentMail).Count);
        // The 24-hour reminder is not planned for a lesson an hour away.
        Assert.DoesNotContain(await DeliveryRow.ForRecipientAsync(factory.Database, studentId), r => r.Status == "Scheduled");
    }

    [Fact]
    public async Task Moving_a_lesson_withdraws_its_reminders_and_cancelling_withdraws_the_new_ones()
    {
        var (tutorId, studentId, lessonId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.RegisterStudentAsync(studentId, "Костя", $"{studentId:N}@test.local");
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        await factory.RedeliverAsync(Scheduled(tutorId, studentId, lessonId, startsAt));
        await factory.RedeliverAsync(new LessonRescheduled
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
            PreviousStartsAt = startsAt, StartsAt = startsAt.AddDays(1), DurationMinutes = 60,
        });
        var moved = (await DeliveryRow.ForRecipientAsync(factory.Database, studentId)).Where(r => r.TemplateKey == "lesson-reminder").ToList();

        await factory.RedeliverAsync(new LessonCancelled
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutorId, StudentId = studentId, LessonId = lessonId,
            StartsAt = startsAt.AddDays(1), Reason = "Болезнь", CancelledBy = CancelledBy.Student,
        });

        Assert.Equal(4, moved.Count);
        Assert.Equal(2, moved.Count(r => r.Status == "Suppressed" && r.LastError == "The lesson moved."));
        // PostgreSQL keeps microseconds.
        static DateTimeOffset Micro(DateTimeOffset d) => new(d.Ticks - d.Ticks % 10, d.Offset);
        Assert.Equal([Micro(startsAt), Micro(startsAt.AddDays(1) - NotificationFactory.ShortReminder)],
            moved.Where(r => r.Status == "Scheduled").Select(r => r.DueAt).Order());
        var after = (await DeliveryRow.ForRecipientAsync(factory.Database, studentId)).Where(r => r.TemplateKey == "lesson-reminder").ToList();
        Assert.Equal(2, after.Count(r => r.LastError == "The lesson was cancelled."));
        Assert.DoesNotContain(after, r => r.Status is "Scheduled" or "Pending" or "Sent");
    }

    [Fact]
    public async Task A_message_due_in_quiet_hours_waits_for_their_end_in_the_readers_time_zone()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        const string zone = "Asia/Kamchatka";
        await factory.RegisterStudentAsync(studentId, "Соня", email, timeZone: zone);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var minute = local.DateTime.AddTicks(-(local.DateTime.Ticks % TimeSpan.TicksPerMinute));
        var (from, to) = (TimeOnly.FromDateTime(minute.AddHours(-1)), TimeOnly.FromDateTime(minute.AddHours(2)));
        using var admin = factory.Admin();
        (await admin.PutAsJsonAsync($"/api/v1/preferences/{studentId}",
            new { quietHoursFrom = from.ToString("HH:mm"), quietHoursTo = to.ToString("HH:mm") })).EnsureSuccessStatusCode();

        await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 30));

        var row = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Scheduled")));
        var expected = QuietHours.NextAllowed(DateTimeOffset.UtcNow, from, to, TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(expected, row.DueAt);
        Assert.Equal(0, row.Attempts);
        Assert.Empty(Mailbox.Read(email));
    }

    [Fact]
    public async Task A_template_that_fails_at_send_time_fails_that_notification_only()
    {
        var (broken, fine) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.RegisterStudentAsync(broken, "Broken", $"{broken:N}@test.local", locale: "en");
        await factory.RegisterStudentAsync(fine, "Fine", $"{fine:N}@test.local", locale: "en");
        // A template stored before validation existed: it no longer parses.
        await using (var command = factory.Database.CreateCommand("""
            INSERT INTO notification.templates (id, type, channel, locale, version, subject, body, text, created_at)
            SELECT gen_random_uuid(), 'balance-low', 'Email', 'en', max(version) + 1, 'Low {{ balance', 'x', 'x', now()
            FROM notification.templates WHERE type = 'balance-low' AND channel = 'Email' AND locale = 'en'
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            await factory.PublishAsync(new BalanceLow
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), StudentId = broken,
                BalanceMinor = 50_000, Currency = "RUB", LessonsRemaining = 1,
            });
            await factory.PublishAsync(NotificationFactory.Lesson(fine, LessonOutcome.Attended, 45));

            var failed = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, broken, rows => rows.Any(r => r.Status == "Failed")));
            Assert.StartsWith("Rendering template v", failed.LastError, StringComparison.Ordinal);
            Assert.Single(await Mailbox.WaitForAsync($"{fine:N}@test.local", NotificationFactory.MailTimeout));
        }
        finally
        {
            using var admin = factory.Admin();
            (await admin.PutAsJsonAsync("/api/v1/templates/balance-low/email/en", new { subject = "Balance running low", body = "<p>{{ balance }}</p>" }))
                .EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Low_priority_news_waits_for_the_daily_digest_and_goes_as_one_email()
    {
        var studentId = Guid.NewGuid();
        var email = $"{studentId:N}@test.local";
        await factory.RegisterStudentAsync(studentId, "Лиза", email);
        using var admin = factory.Admin();
        (await admin.PutAsJsonAsync($"/api/v1/preferences/{studentId}", new { dailyDigest = true, digestHour = 7 })).EnsureSuccessStatusCode();
        foreach (var title in new[] { "Глаголы", "Времена" })
        {
            await factory.PublishAsync(new MaterialShared
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = Guid.NewGuid(), MaterialId = Guid.NewGuid(),
                Title = title, StudentId = studentId,
            });
        }

        var waiting = await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Count == 3);
        Assert.Equal(["digest", "material-shared", "material-shared"], waiting.Select(r => r.TemplateKey).Order());
        Assert.Single(waiting.Select(r => r.DueAt).Distinct());
        Assert.True(waiting[0].DueAt > DateTimeOffset.UtcNow);
        Assert.Empty(Mailbox.Read(email));
        // The digest hour arrives.
        await using (var command = factory.Database.CreateCommand(
            "UPDATE notification.deliveries SET due_at = now() WHERE recipient_id = $1 AND template_key = 'digest'"))
        {
            command.Parameters.AddWithValue(studentId);
            await command.ExecuteNonQueryAsync();
        }

        var mail = Assert.Single(await Mailbox.WaitForAsync(email, NotificationFactory.MailTimeout));
        Assert.Equal("Дайджест Repitbot: 2", mail.Subject);
        Assert.Contains("«Глаголы»", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("«Времена»", mail.TextBody, StringComparison.Ordinal);
        var settled = await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.All(r => r.Status == "Sent"));
        Assert.All(settled, r => Assert.Equal("Sent", r.Status));
    }

    [Fact]
    public async Task Parents_hear_about_events_only_while_the_link_was_valid_even_when_the_unlink_arrived_first()
    {
        var (tutorId, studentId, parentId, linkId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.RegisterStudentAsync(studentId, "Ваня", $"{studentId:N}@test.local");
        await factory.RegisterAsync(parentId, UserRole.Parent, "Папа Вани", $"{parentId:N}@test.local");
        var now = DateTimeOffset.UtcNow;
        await factory.RedeliverAsync(new StudentUnlinked
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, StudentId = studentId, LinkId = linkId, ValidTo = now.AddMinutes(-1),
        });
        await factory.RedeliverAsync(new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = now.AddDays(-1), TutorId = tutorId, StudentId = studentId, LinkId = linkId,
            ParentId = parentId, ValidFrom = now.AddDays(-1),
        });
        LessonCompleted Lesson(DateTimeOffset at) => NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60) with { TutorId = tutorId, OccurredAt = at };

        await factory.RedeliverAsync(Lesson(now.AddHours(-2)));
        await factory.RedeliverAsync(Lesson(now));

        Assert.Equal(2, (await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Count == 2)).Count);
        Assert.Single(await DeliveryRow.ForRecipientAsync(factory.Database, parentId));
    }
}
