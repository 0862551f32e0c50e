using MassTransit;
using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Data;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Tells the student (and parents) that a lesson was recorded as taught or missed, with the homework set for it.</summary>
public sealed class LessonCompletedConsumer(Audience audience, NotificationPlanner planner, NotificationDb db) : IConsumer<LessonCompleted>
{
    public async Task Consume(ConsumeContext<LessonCompleted> context)
    {
        var e = context.Message;
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        var homework = await db.LessonHomework.AsNoTracking().Where(h => h.LessonId == e.LessonId).OrderBy(h => h.AssignedAt)
            .Select(h => h.Title).ToListAsync(context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.LessonCompleted, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["minutes"] = e.Minutes, ["no_show"] = e.Outcome == LessonOutcome.NoShow,
            ["subject"] = e.Subject, ["lesson_date"] = r.Time(e.StartsAt ?? e.OccurredAt),
            ["homework"] = homework.Count > 0 ? string.Join("; ", homework) : null,
        }) { GroupKey = LessonReminders.Group(e.LessonId) }, context.CancellationToken);
    }
}
