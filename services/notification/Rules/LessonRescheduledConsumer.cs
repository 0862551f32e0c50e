using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Withdraws the old reminders, tells the student (and parents), and schedules reminders for the new time.</summary>
public sealed class LessonRescheduledConsumer(Audience audience, NotificationPlanner planner, LessonReminders reminders)
    : IConsumer<LessonRescheduled>
{
    public async Task Consume(ConsumeContext<LessonRescheduled> context)
    {
        var e = context.Message;
        await reminders.WithdrawAsync(e.LessonId, "The lesson moved.", context.CancellationToken);
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.LessonRescheduled, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["previous_time"] = r.Time(e.PreviousStartsAt), ["lesson_time"] = r.Time(e.StartsAt),
            ["duration_minutes"] = e.DurationMinutes,
        }), context.CancellationToken);
        await reminders.ScheduleAsync(e.EventId, e.LessonId, e.StartsAt, e.OccurredAt, readers, e.StudentId, student, context.CancellationToken);
    }
}
