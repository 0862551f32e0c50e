using MassTransit;
using Repitbot.Contracts;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.People;

public sealed class UserProfileChangedConsumer(NotificationDb db) : IConsumer<UserProfileChanged>
{
    public Task Consume(ConsumeContext<UserProfileChanged> context)
    {
        var e = context.Message;
        return RecipientProjection.ApplyAsync(db, e.UserId, role: null, e.DisplayName, e.Email, e.TelegramChatId,
            e.Locale, e.TimeZone, e.OccurredAt, context.CancellationToken);
    }
}
