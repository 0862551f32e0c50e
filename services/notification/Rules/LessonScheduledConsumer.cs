using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>
/// Tells the student (and parents) about the new lesson and schedules its reminders. A lesson recorded after it
/// began (a tutor filling in last week) is news to nobody: "Ваш урок назначен на" yesterday only confuses the
/// student, and the lesson's completion message says what happened.
/// </summary>
public sealed class LessonScheduledConsumer(Audience audience, NotificationPlanner planner, LessonReminders reminders)
    : IConsumer<LessonScheduled>
{
    public async Task Consume(ConsumeContext<LessonScheduled> context)
    {
        var e = context.Message;
        if (e.StartsAt <= e.OccurredAt)
        {
            return;
        }

        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.LessonScheduled, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["lesson_time"] = r.Time(e.StartsAt), ["duration_minutes"] = e.DurationMinutes, ["subject"] = e.Subject,
        }), context.CancellationToken);
        await reminders.ScheduleAsync(e.EventId, e.LessonId, e.StartsAt, e.OccurredAt, readers, e.StudentId, student, context.CancellationToken);
    }
}
