using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.Contracts;
using Repitbot.Hosting.Data;
using Repitbot.Notification.Data;
using Repitbot.Notification.Observability;
using Repitbot.Notification.People;
using Repitbot.Notification.Preferences;

namespace Repitbot.Notification.Delivery;

/// <summary>Records what became of a claimed row, and what follows from a permanent failure.</summary>
public sealed class DeliveryOutcomes(NotificationDb db, NpgsqlDataSource database, DeliverySignal signal, TimeProvider clock)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Stop retrying this long before the lease ends, so the row is never written after another instance took it.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    public async Task SentAsync(Delivery row, string? providerMessageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        row.Status = DeliveryStatus.Sent;
        row.SentAt = now;
        row.ProviderMessageId = providerMessageId is { Length: > 200 } id ? id[..200] : providerMessageId;
        row.LastError = null;
        await SaveAsync(row, cancellationToken);
        NotificationMetrics.Latency.WithLabels(Names.ChannelNames.Of(row.Channel)).Observe(Math.Max(0, (now - row.OccurredAt).TotalSeconds));
        NotificationMetrics.Finished(row.Channel, row.TemplateKey, row.Status, null);
    }

    /// <summary>Back in the schedule at <paramref name="due"/>: a retry, quiet hours, or the rate limiter.</summary>
    public async Task DeferAsync(Delivery row, DateTimeOffset due, bool countsAsAttempt, CancellationToken cancellationToken)
    {
        row.Status = DeliveryStatus.Scheduled;
        row.DueAt = due;
        row.Attempts -= countsAsAttempt ? 0 : 1;
        await SaveAsync(row, cancellationToken);
    }

    public async Task SuppressAsync(Delivery row, string reason, CancellationToken cancellationToken)
    {
        row.Status = DeliveryStatus.Suppressed;
        row.LastError = reason;
        row.Attempts--;
        await SaveAsync(row, cancellationToken);
        NotificationMetrics.Finished(row.Channel, row.TemplateKey, row.Status, reason);
    }

    public async Task FailAsync(Delivery row, string reason, string code, CancellationToken cancellationToken)
    {
        row.Status = DeliveryStatus.Failed;
        row.LastError = reason;
        await SaveAsync(row, cancellationToken);
        NotificationMetrics.Finished(row.Channel, row.TemplateKey, row.Status, code);
    }

    /// <summary>Fails the row; a dead address switches the channel off for the person; Telegram may fall back to e-mail.</summary>
    public async Task FailPermanentlyAsync(Delivery row, Recipient person, SendResult.Permanent failure, CancellationToken cancellationToken)
    {
        await FailAsync(row, failure.Reason, failure.Code, cancellationToken);
        if (failure.DisableChannel)
        {
            await DisableChannelAsync(row.RecipientId, row.Channel, failure.Reason, cancellationToken);
        }

        if (row.FallbackToEmail && row.Channel == NotificationChannel.Telegram)
        {
            await FallBackToEmailAsync(row, person, cancellationToken);
        }
    }

    /// <summary>The items a digest carried share its fate.</summary>
    public async Task SettleDigestItemsAsync(Delivery carrier, List<Delivery> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            (item.Status, item.SentAt, item.ProviderMessageId, item.LastError, item.UpdatedAt) =
                (carrier.Status, carrier.SentAt, carrier.ProviderMessageId, carrier.LastError, carrier.UpdatedAt);
            item.Attempts = carrier.Attempts;
            NotificationMetrics.Finished(item.Channel, item.TemplateKey, item.Status, item.LastError);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task DisableChannelAsync(Guid userId, NotificationChannel channel, string reason, CancellationToken cancellationToken)
    {
        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = new Preference { UserId = userId };
            db.Preferences.Add(preference);
        }

        if (channel == NotificationChannel.Email)
        {
            (preference.EmailEnabled, preference.EmailDisabledReason) = (false, reason);
        }
        else
        {
            (preference.TelegramEnabled, preference.TelegramDisabledReason) = (false, reason);
        }

        preference.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FallBackToEmailAsync(Delivery row, Recipient person, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == row.RecipientId, cancellationToken);
        var reason = person.Email is null ? "No e-mail address to fall back to."
            : stored is { EmailEnabled: false } ? "E-mail is switched off for this recipient." : null;
        var now = clock.GetUtcNow();
        var fallback = new Delivery
        {
            Id = Guid.NewGuid(), IdempotencyKey = row.IdempotencyKey, RecipientId = row.RecipientId, TemplateKey = row.TemplateKey,
            Channel = NotificationChannel.Email, Status = reason is null ? DeliveryStatus.Pending : DeliveryStatus.Suppressed,
            LastError = reason, Address = person.Email, Data = row.Data, GroupKey = row.GroupKey, OccurredAt = row.OccurredAt,
            DueAt = now, CreatedAt = now, UpdatedAt = now, Partition = row.Partition,
        };
        // The same idempotency key: when this notification already went by e-mail, nothing is added.
        if (await DeliveryRows.InsertAsync(db, fallback, cancellationToken) && reason is null)
        {
            signal.Wake(NotificationChannel.Email);
        }
    }

    /// <summary>
    /// Records the outcome (one UPDATE of the row's outcome columns, not a change-tracked save: this runs for every
    /// notification sent), waiting out a database outage while this instance still holds the row's lease:
    /// an e-mail the server accepted must be marked sent, or another claim would send it a second time.
    /// </summary>
    private async Task SaveAsync(Delivery row, CancellationToken cancellationToken)
    {
        var leaseEnds = row.LockedUntil ?? clock.GetUtcNow();
        row.LockedUntil = null;
        row.UpdatedAt = clock.GetUtcNow();
        for (var delay = FirstRetryDelay; ; delay = delay * 2 < LongestRetryDelay ? delay * 2 : LongestRetryDelay)
        {
            try
            {
                await DeliveryRows.WriteOutcomeAsync(database, row, cancellationToken);
                return;
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex) && clock.GetUtcNow() + delay + LeaseMargin < leaseEnds)
            {
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }
}
