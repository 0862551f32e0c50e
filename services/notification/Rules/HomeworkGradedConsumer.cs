using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

public sealed class HomeworkGradedConsumer(Audience audience, NotificationPlanner planner) : IConsumer<HomeworkGraded>
{
    public async Task Consume(ConsumeContext<HomeworkGraded> context)
    {
        var e = context.Message;
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.HomeworkGraded, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["score"] = e.Score, ["comment"] = e.Comment,
        }), context.CancellationToken);
    }
}
