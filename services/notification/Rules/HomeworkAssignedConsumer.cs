using MassTransit;
using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Data;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Tells the student (and parents), and remembers the lesson it belongs to for the completion message.</summary>
public sealed class HomeworkAssignedConsumer(Audience audience, NotificationPlanner planner, NotificationDb db) : IConsumer<HomeworkAssigned>
{
    public async Task Consume(ConsumeContext<HomeworkAssigned> context)
    {
        var e = context.Message;
        if (e.LessonId is { } lessonId)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notification.lesson_homework (homework_id, lesson_id, title, assigned_at)
                VALUES ({e.HomeworkId}, {lessonId}, {e.Title}, {e.OccurredAt}) ON CONFLICT (homework_id) DO NOTHING
                """, context.CancellationToken);
        }

        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.HomeworkAssigned, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["title"] = e.Title, ["due_date"] = e.DueAt is { } due ? r.Time(due) : null,
        }), context.CancellationToken);
    }
}
