using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

public sealed class BalanceLowConsumer(Audience audience, NotificationPlanner planner) : IConsumer<BalanceLow>
{
    public async Task Consume(ConsumeContext<BalanceLow> context)
    {
        var e = context.Message;
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.BalanceLow, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["balance"] = ReaderFormat.Money(e.BalanceMinor, e.Currency, r.Locale), ["lessons_remaining"] = e.LessonsRemaining,
        }), context.CancellationToken);
    }
}
