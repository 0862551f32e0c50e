using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Withdraws the reminders and tells the student and parents, and the tutor when someone else cancelled.</summary>
public sealed class LessonCancelledConsumer(Audience audience, NotificationPlanner planner, LessonReminders reminders)
    : IConsumer<LessonCancelled>
{
    public async Task Consume(ConsumeContext<LessonCancelled> context)
    {
        var e = context.Message;
        await reminders.WithdrawAsync(e.LessonId, "The lesson was cancelled.", context.CancellationToken);
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        if (e.CancelledBy != CancelledBy.Tutor)
        {
            readers.Add(e.TutorId);
        }

        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.LessonCancelled, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["lesson_time"] = r.Time(e.StartsAt), ["reason"] = e.Reason,
            ["cancelled_by"] = e.CancelledBy.ToString().ToLowerInvariant(),
        }), context.CancellationToken);
    }
}
