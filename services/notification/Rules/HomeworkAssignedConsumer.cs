using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

public sealed class HomeworkAssignedConsumer(Audience audience, NotificationPlanner planner) : IConsumer<HomeworkAssigned>
{
    public async Task Consume(ConsumeContext<HomeworkAssigned> context)
    {
        var e = context.Message;
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.HomeworkAssigned, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["title"] = e.Title, ["due_date"] = e.DueAt is { } due ? r.Time(due) : null,
        }), context.CancellationToken);
    }
}
