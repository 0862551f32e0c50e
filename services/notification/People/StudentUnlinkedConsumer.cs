using MassTransit;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.People;

/// <summary>Closes a link; an unlink that overtakes its link creates the row already closed.</summary>
public sealed class StudentUnlinkedConsumer(NotificationDb db) : IConsumer<StudentUnlinked>
{
    public Task Consume(ConsumeContext<StudentUnlinked> context)
    {
        var e = context.Message;
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification.links (link_id, tutor_id, student_id, valid_from, valid_to)
            VALUES ({e.LinkId}, {e.TutorId}, {e.StudentId}, {DateTimeOffset.MinValue.ToUniversalTime()}, {e.ValidTo})
            ON CONFLICT (link_id) DO UPDATE SET valid_to = EXCLUDED.valid_to
            """, context.CancellationToken);
    }
}
