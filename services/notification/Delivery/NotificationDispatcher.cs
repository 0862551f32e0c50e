using Microsoft.EntityFrameworkCore;
using Prometheus;
using Repitbot.Contracts;
using Repitbot.Notification.Data;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Sends one notification by e-mail at most once per idempotency key. The delivery row is locked for
/// the duration of the send, so a redelivered copy waits and then finds it sent; a crash mid-send
/// rolls the row back and the retry sends again (SMTP offers nothing better than at-least-once there).
/// </summary>
public sealed class NotificationDispatcher(NotificationDb db, TemplateRenderer renderer, IEmailSender email,
    TimeProvider clock)
{
    private static readonly Counter Outcomes = Metrics.CreateCounter("repitbot_notifications_total",
        "Notifications handled, by channel and final status.", "channel", "status");

    public async Task<DeliveryStatus> SendEmailAsync(string idempotencyKey, Guid recipientId, string templateKey,
        Func<Recipients.Recipient, IReadOnlyDictionary<string, object?>> data, CancellationToken cancellationToken)
    {
        // The recipient projection may lag the event that names them; throwing lets the retry policy wait.
        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == recipientId, cancellationToken)
            ?? throw new RecipientNotKnownException(recipientId);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivery = await ClaimAsync(idempotencyKey, recipientId, templateKey, cancellationToken);
        if (delivery.Status != DeliveryStatus.Pending)
        {
            return delivery.Status;
        }

        delivery.Attempts++;
        delivery.Address = recipient.Email;
        if (recipient.Email is null)
        {
            delivery.Status = DeliveryStatus.Skipped;
            delivery.LastError = "The recipient has no e-mail address.";
        }
        else
        {
            var rendered = await renderer.RenderEmailAsync(templateKey, recipient.Locale, data(recipient));
            delivery.Subject = rendered.Subject;
            try
            {
                await email.SendAsync(recipient.Email, recipient.DisplayName, rendered, delivery.Id.ToString("N"), cancellationToken);
                delivery.Status = DeliveryStatus.Sent;
                delivery.SentAt = clock.GetUtcNow();
            }
            catch (PermanentDeliveryException ex)
            {
                delivery.Status = DeliveryStatus.Failed;
                delivery.LastError = ex.Message;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Outcomes.WithLabels(nameof(NotificationChannel.Email), delivery.Status.ToString()).Inc();
        return delivery.Status;
    }

    private async Task<Delivery> ClaimAsync(string key, Guid recipientId, string templateKey, CancellationToken cancellationToken)
    {
        var channel = nameof(NotificationChannel.Email);
        var pending = nameof(DeliveryStatus.Pending);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification.deliveries (id, idempotency_key, recipient_id, template_key, channel, status, attempts, created_at)
            VALUES ({Guid.NewGuid()}, {key}, {recipientId}, {templateKey}, {channel}, {pending}, 0, {clock.GetUtcNow()})
            ON CONFLICT (idempotency_key, channel) DO NOTHING
            """, cancellationToken);
        return await db.Deliveries
            .FromSql($"SELECT * FROM notification.deliveries WHERE idempotency_key = {key} AND channel = {channel} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }
}

public sealed class RecipientNotKnownException(Guid recipientId)
    : Exception($"Recipient {recipientId} is not known yet; waiting for their registration event.");
