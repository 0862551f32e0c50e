using Repitbot.Contracts;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.People;

internal static class RecipientProjection
{
    /// <summary>
    /// Applies a person's details as of <paramref name="asOf"/>. Idempotent and order-safe: a redelivered
    /// or older event leaves a newer state alone.
    /// </summary>
    public static async Task ApplyAsync(NotificationDb db, Guid userId, UserRole? role, string displayName,
        string? email, long? telegramChatId, string locale, string timeZone, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var recipient = await db.Recipients.FindAsync([userId], cancellationToken);
        if (recipient is null)
        {
            recipient = new Recipient { UserId = userId, DisplayName = displayName, Locale = locale, TimeZone = timeZone };
            db.Recipients.Add(recipient);
        }
        else if (recipient.AsOf > asOf)
        {
            return;
        }

        recipient.Role = role ?? recipient.Role;
        recipient.DisplayName = displayName;
        recipient.Email = email;
        recipient.TelegramChatId = telegramChatId;
        recipient.Locale = locale;
        recipient.TimeZone = timeZone;
        recipient.AsOf = asOf;
        await db.SaveChangesAsync(cancellationToken);
    }
}
