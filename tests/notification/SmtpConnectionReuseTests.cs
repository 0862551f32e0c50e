using Microsoft.Extensions.DependencyInjection;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery.Email;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>Two sending slots, fewer than the mails the test sends, so reuse is what keeps the connections few.</summary>
public sealed class TwoSlotSmtpFactory : SmtpOutageFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Append(new("Delivery:EmailConcurrency", "2"));
}

public sealed class SmtpConnectionReuseTests(TwoSlotSmtpFactory factory) : IClassFixture<TwoSlotSmtpFactory>
{
    [Fact]
    public async Task Many_emails_share_a_few_kept_connections()
    {
        const int mails = 6;
        var students = Enumerable.Range(0, mails).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in students)
        {
            await factory.RegisterStudentAsync(id, "Оля", $"{id:N}@test.local");
        }

        var before = factory.Smtp.Accepted;
        foreach (var id in students)
        {
            await factory.PublishAsync(NotificationFactory.Lesson(id, LessonOutcome.Attended, 60));
        }

        foreach (var id in students)
        {
            Assert.Single(await Mailbox.WaitForAsync($"{id:N}@test.local", NotificationFactory.MailTimeout));
        }

        // At most one connection per sending slot (Delivery__EmailConcurrency, 2), not one per e-mail; none at all
        // when the other test left its connections in the pool.
        Assert.InRange(factory.Smtp.Accepted - before, 0, 2);
    }

    [Fact]
    public async Task A_kept_connection_the_server_dropped_is_replaced_without_a_retry()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await factory.RegisterStudentAsync(first, "Дима", $"{first:N}@test.local");
        await factory.RegisterStudentAsync(second, "Гена", $"{second:N}@test.local");
        await factory.PublishAsync(NotificationFactory.Lesson(first, LessonOutcome.Attended, 60));
        Assert.Single(await Mailbox.WaitForAsync($"{first:N}@test.local", NotificationFactory.MailTimeout));
        await DeliveryRow.WaitForAsync(factory.Database, first, rows => rows.Any(r => r.Status == "Sent"));
        Assert.True(factory.Services.GetRequiredService<SmtpConnectionPool>().Idle >= 1);

        // The server goes away and comes back: every connection kept in the pool is closed under it.
        factory.Smtp.Stop();
        factory.Smtp.Start();
        await factory.PublishAsync(NotificationFactory.Lesson(second, LessonOutcome.Attended, 60));

        Assert.Single(await Mailbox.WaitForAsync($"{second:N}@test.local", NotificationFactory.MailTimeout));
        var row = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, second, rows => rows.Any(r => r.Status == "Sent")));
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
    }
}

/// <summary>A service that closes connections idle for a second.</summary>
public sealed class ShortIdleSmtpFactory : SmtpOutageFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Append(new("Smtp:IdleTimeout", "00:00:01"));
}

public sealed class SmtpIdleConnectionTests(ShortIdleSmtpFactory factory) : IClassFixture<ShortIdleSmtpFactory>
{
    [Fact]
    public async Task A_connection_left_idle_is_closed_and_the_next_email_opens_a_new_one()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await factory.RegisterStudentAsync(first, "Лена", $"{first:N}@test.local");
        await factory.RegisterStudentAsync(second, "Маша", $"{second:N}@test.local");
        var pool = factory.Services.GetRequiredService<SmtpConnectionPool>();
        await factory.PublishAsync(NotificationFactory.Lesson(first, LessonOutcome.Attended, 60));
        await DeliveryRow.WaitForAsync(factory.Database, first, rows => rows.Any(r => r.Status == "Sent"));
        Assert.Equal(1, pool.Idle);

        for (var waited = 0; pool.Idle > 0 && waited < 50; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, pool.Idle);
        var before = factory.Smtp.Accepted;
        await factory.PublishAsync(NotificationFactory.Lesson(second, LessonOutcome.Attended, 60));
        Assert.Single(await Mailbox.WaitForAsync($"{second:N}@test.local", NotificationFactory.MailTimeout));
        Assert.Equal(1, factory.Smtp.Accepted - before);
    }
}
