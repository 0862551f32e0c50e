using MassTransit;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Notification.Data;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.People;

/// <summary>Records the link (once per link id) and tells the tutor about their new student, by name.</summary>
public sealed class StudentLinkedConsumer(NotificationDb db, NotificationPlanner planner) : IConsumer<StudentLinked>
{
    public async Task Consume(ConsumeContext<StudentLinked> context)
    {
        var e = context.Message;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification.links (link_id, tutor_id, student_id, parent_id, valid_from)
            VALUES ({e.LinkId}, {e.TutorId}, {e.StudentId}, {e.ParentId}, {e.ValidFrom})
            ON CONFLICT (link_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, valid_from = EXCLUDED.valid_from
            """, context.CancellationToken);
        if (e.ParentId is not null)
        {
            // The link announced again because a parent joined: the tutor invited that parent, and the student is not new.
            return;
        }

        // The event carries the name; an older publisher's event waits (is retried) until the student's
        // UserRegistered, which travels on another queue, has given this service the name.
        var name = e.StudentName is { Length: > 0 } carried
            ? carried
            : await db.Recipients.AsNoTracking().Where(r => r.UserId == e.StudentId).Select(r => r.DisplayName)
                .SingleOrDefaultAsync(context.CancellationToken);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RecipientNotKnownException(e.StudentId);
        }

        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.StudentLinked, e.OccurredAt,
            [e.TutorId], _ => new() { ["student_name"] = name }) { FirstRecipientRequired = false },
            context.CancellationToken);
    }
}
