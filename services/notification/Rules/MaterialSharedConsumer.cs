using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>Tells one student, or every student the tutor had when it was shared.</summary>
public sealed class MaterialSharedConsumer(Audience audience, NotificationPlanner planner) : IConsumer<MaterialShared>
{
    public async Task Consume(ConsumeContext<MaterialShared> context)
    {
        var e = context.Message;
        var readers = e.StudentId is { } studentId
            ? [studentId]
            : await audience.StudentsOfAsync(e.TutorId, e.OccurredAt, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.MaterialShared, e.OccurredAt, readers, _ => new()
        {
            ["title"] = e.Title, ["url"] = e.Url,
        }) { FirstRecipientRequired = e.StudentId is not null }, context.CancellationToken);
    }
}
