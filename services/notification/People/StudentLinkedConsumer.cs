using MassTransit;
using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Notification.Data;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.People;

/// <summary>Records the link (once per link id) and tells the tutor about their new student, by name.</summary>
public sealed class StudentLinkedConsumer(NotificationDb db, NotificationPlanner planner, TimeProvider clock) : IConsumer<StudentLinked>
{
    /// <summary>
    /// How long the tutor is waited for. Their UserRegistered travels on another queue and can arrive after the
    /// link (the walkthrough saw it 14 s late on a busy machine, and the tutor never heard of the new student).
    /// A tutor who works only over REST never registers: after this the message is told to nobody, not failed.
    /// </summary>
    public static readonly TimeSpan TutorPatience = TimeSpan.FromMinutes(2);

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
            [e.TutorId], _ => new() { ["student_name"] = name }) { FirstRecipientRequired = clock.GetUtcNow() - e.OccurredAt < TutorPatience },
            context.CancellationToken);
    }
}

/// <summary>Waits for an unknown tutor (<see cref="StudentLinkedConsumer.TutorPatience"/>) longer than the endpoint's retries alone would.</summary>
public sealed class StudentLinkedConsumerDefinition : ConsumerDefinition<StudentLinkedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<StudentLinkedConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(r =>
        {
            r.Handle<RecipientNotKnownException>();
            r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8),
                TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        });
}
