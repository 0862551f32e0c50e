using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Lessons;

/// <summary>Tells the student that a lesson was recorded as taught or missed.</summary>
public sealed class LessonCompletedConsumer(NotificationDispatcher dispatcher) : IConsumer<LessonCompleted>
{
    public async Task Consume(ConsumeContext<LessonCompleted> context)
    {
        var e = context.Message;
        await dispatcher.SendEmailAsync($"{e.EventId:N}:{DefaultTemplates.LessonCompleted}:{e.StudentId:N}",
            e.StudentId, DefaultTemplates.LessonCompleted,
            recipient => new Dictionary<string, object?>
            {
                ["student_name"] = recipient.DisplayName,
                ["minutes"] = e.Minutes,
                ["no_show"] = e.Outcome == LessonOutcome.NoShow,
                ["subject"] = e.Subject,
                ["lesson_date"] = LocalTime.Format(e.OccurredAt, recipient.TimeZone, recipient.Locale),
            },
            context.CancellationToken);
    }
}
