using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Tests.Support;

namespace Repitbot.Notification.Tests;

/// <summary>
/// The default number of e-mails in flight, and a poll so long that only the planner's wake-up and freed sending slots
/// can move mail within a test: every mail here must go out without waiting for a poll.
/// </summary>
public sealed class NoPollSmtpFactory : SmtpOutageFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Append(new("Delivery:PollInterval", "00:10:00"));
}

/// <summary>From planned row to SMTP: at once, side by side, each mail once.</summary>
public sealed class EmailHandOffTests(NoPollSmtpFactory factory) : IClassFixture<NoPollSmtpFactory>
{
    [Fact]
    public async Task A_planned_mail_is_sent_at_once_and_so_is_the_next_without_waiting_for_a_poll()
    {
        foreach (var name in new[] { "Аня", "Боря" })
        {
            var studentId = Guid.NewGuid();
            await factory.RegisterStudentAsync(studentId, name, $"{studentId:N}@test.local");
            await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 60));
            Assert.Single(await Mailbox.WaitForAsync($"{studentId:N}@test.local", NotificationFactory.MailTimeout));
        }
    }

    [Fact]
    public async Task A_burst_is_sent_many_at_a_time_and_each_mail_once_more_than_the_slots_included()
    {
        var slots = factory.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.EmailConcurrency;
        Assert.True(slots >= 8, $"Delivery__EmailConcurrency defaults to {slots}: mails would queue behind a slow SMTP server");
        var students = Enumerable.Range(0, slots + 4).Select(_ => Guid.NewGuid()).ToList();
        foreach (var studentId in students)
        {
            await factory.RegisterStudentAsync(studentId, "Вера", $"{studentId:N}@test.local");
        }

        // A server that takes connections and does not answer: every slot fills, the rest wait in the schedule.
        factory.Smtp.Hanging = true;
        try
        {
            foreach (var studentId in students)
            {
                await factory.PublishAsync(NotificationFactory.Lesson(studentId, LessonOutcome.Attended, 45));
            }

            Assert.True(await Eventually.Async(() => Task.FromResult(InFlight() == slots)), $"{InFlight()} of {slots} slots sending");
        }
        finally
        {
            factory.Smtp.Hanging = false;
        }

        // The mails that found every slot taken go out as slots free up, not at the next poll (ten minutes away).
        foreach (var studentId in students)
        {
            Assert.Single(await Mailbox.WaitForAsync($"{studentId:N}@test.local", NotificationFactory.MailTimeout));
            var row = Assert.Single(await DeliveryRow.WaitForAsync(factory.Database, studentId, rows => rows.Any(r => r.Status == "Sent")));
            Assert.Equal(("Sent", 1), (row.Status, row.Attempts));
        }

        Assert.True(await Eventually.Async(() => Task.FromResult(InFlight() == 0)), "a sending slot was not given back");
    }

    private int InFlight() => factory.Services.GetServices<IHostedService>().OfType<ChannelWorker>().Sum(w => w.InFlight);
}
