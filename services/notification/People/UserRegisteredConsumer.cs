using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.People;

public sealed class UserRegisteredConsumer(NotificationDb db) : IConsumer<UserRegistered>
{
    public Task Consume(ConsumeContext<UserRegistered> context)
    {
        var e = context.Message;
        return RecipientProjection.ApplyAsync(db, e.UserId, e.Role, e.DisplayName, e.Email, e.TelegramChatId,
            e.Locale, e.TimeZone, e.OccurredAt, context.CancellationToken);
    }
}
