using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.People;
using Repitbot.Notification.Planning;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Rules;

/// <summary>A receipt to the student and parents on every channel they have.</summary>
public sealed class PaymentReceivedConsumer(Audience audience, NotificationPlanner planner) : IConsumer<PaymentReceived>
{
    public async Task Consume(ConsumeContext<PaymentReceived> context)
    {
        var e = context.Message;
        var readers = await audience.StudentAndParentsAsync(e.TutorId, e.StudentId, e.OccurredAt, context.CancellationToken);
        var student = await audience.NameAsync(e.StudentId, context.CancellationToken);
        await planner.PlanAsync(new PlannedNotification(e.EventId, NotificationTypes.PaymentReceived, e.OccurredAt, readers, r => new()
        {
            ["student_name"] = student, ["reader"] = r.RelationTo(e.StudentId), ["amount"] = ReaderFormat.Money(e.AmountMinor, e.Currency, r.Locale), ["lessons_covered"] = e.LessonsCovered,
        }), context.CancellationToken);
    }
}
