using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Notification.Data;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Delivery.Telegram;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Planning;

/// <summary>
/// Turns a rule's decision into delivery rows, one per reader and channel, each unique by idempotency
/// key: planning the same event twice adds nothing. Rows due now wake this instance's channel workers.
/// </summary>
public sealed class NotificationPlanner(NotificationDb db, TimeProvider clock, IOptions<TelegramOptions> telegram, IOptions<DeliveryOptions> delivery,
    DeliverySignal signal, ILogger<NotificationPlanner> logger)
{
    public async Task<List<Guid>> PlanAsync(PlannedNotification plan, CancellationToken cancellationToken)
    {
        var type = NotificationTypes.Find(plan.Type) ?? throw new ArgumentException($"Unknown notification type '{plan.Type}'.", nameof(plan));
        // Every reader with their stored preferences in one round trip, however many parents a student has.
        var ids = plan.Recipients.Distinct().ToList();
        var known = await (
                from person in db.Recipients.AsNoTracking()
                where ids.Contains(person.UserId)
                join preference in db.Preferences.AsNoTracking() on person.UserId equals preference.UserId into stored
                from preference in stored.DefaultIfEmpty()
                select new { person, preference })
            .ToDictionaryAsync(r => r.person.UserId, r => new Reader(r.person, EffectivePreferences.For(r.person, r.preference)), cancellationToken);
        var rows = new List<Delivery.Delivery>();
        for (var i = 0; i < plan.Recipients.Count; i++)
        {
            var id = plan.Recipients[i];
            if (!known.TryGetValue(id, out var reader))
            {
                if (i == 0 && plan.FirstRecipientRequired)
                {
                    throw new RecipientNotKnownException(id);
                }

                Log.RecipientSkipped(logger, id, plan.Type);
                continue;
            }

            var data = plan.Data(reader);
            data["recipient_name"] = reader.Person.DisplayName;
            foreach (var channel in ChannelsFor(plan, type, reader))
            {
                rows.Add(await RowAsync(plan, type, reader, channel, data, cancellationToken));
            }
        }

        var inserted = await DeliveryRows.InsertManyAsync(db, rows, cancellationToken);
        var created = new List<Guid>();
        foreach (var row in rows.Where(r => inserted.Contains(r.Id)))
        {
            created.Add(row.Id);
            if (row.Status == DeliveryStatus.Suppressed)
            {
                Observability.NotificationMetrics.Finished(row.Channel, plan.Type, row.Status, row.LastError);
            }
            else if (row.Status == DeliveryStatus.Pending)
            {
                signal.Wake(row.Channel);
            }
        }

        return created;
    }

    private IEnumerable<NotificationChannel> ChannelsFor(PlannedNotification plan, NotificationType type, Reader reader)
    {
        if (plan.Channel is { } only)
        {
            return [only];
        }

        if (type.Channels == ChannelPolicy.All)
        {
            return [NotificationChannel.Email, NotificationChannel.Telegram];
        }

        var telegramUsable = telegram.Value.Enabled && reader.Person.TelegramChatId is not null && reader.Preferences.Stored.TelegramEnabled;
        return [telegramUsable ? NotificationChannel.Telegram : NotificationChannel.Email];
    }

    /// <summary>The row for one reader and channel; a digest item also gets its day's carrier row (written at once).</summary>
    private async Task<Delivery.Delivery> RowAsync(PlannedNotification plan, NotificationType type, Reader reader,
        NotificationChannel channel, Dictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = plan.DueAt is { } at && at > now ? at : now;
        var suppressed = SuppressionReason(type, reader, channel);
        var status = suppressed is not null ? DeliveryStatus.Suppressed : due > now ? DeliveryStatus.Scheduled : DeliveryStatus.Pending;
        var row = new Delivery.Delivery
        {
            Id = Guid.NewGuid(), IdempotencyKey = $"{plan.KeyBase}:{plan.Type}:{reader.Person.UserId:N}", RecipientId = reader.Person.UserId,
            TemplateKey = plan.Type, Channel = channel, Status = status, LastError = suppressed,
            Address = channel == NotificationChannel.Email ? reader.Person.Email : reader.Person.TelegramChatId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Data = TemplateData.ToJson(data), GroupKey = plan.GroupKey,
            FallbackToEmail = channel == NotificationChannel.Telegram && plan.Channel is null && type.Channels == ChannelPolicy.Preferred,
            OccurredAt = plan.OccurredAt, DueAt = due, CreatedAt = now, UpdatedAt = now, Partition = delivery.Value.Partition,
        };
        if (status != DeliveryStatus.Suppressed && type.Priority == Priority.Low && reader.Preferences.Stored.DailyDigest)
        {
            await IntoDigestAsync(row, reader, cancellationToken);
        }

        return row;
    }

    /// <summary>
    /// Low-priority news waits for the reader's daily digest: the row joins the group of that day's carrier
    /// row, which is planned once and sends them all as one message.
    /// </summary>
    private async Task IntoDigestAsync(Delivery.Delivery row, Reader reader, CancellationToken cancellationToken)
    {
        var at = DigestSchedule.NextAt(row.DueAt, reader.Preferences.Stored.DigestHour, reader.Preferences.Zone);
        var key = DigestSchedule.CarrierKey(row.RecipientId, at);
        (row.Status, row.DueAt, row.GroupKey) = (DeliveryStatus.Scheduled, at, key);
        await DeliveryRows.InsertAsync(db, new Delivery.Delivery
        {
            Id = Guid.NewGuid(), IdempotencyKey = key, RecipientId = row.RecipientId, TemplateKey = NotificationTypes.Digest,
            Channel = row.Channel, Status = DeliveryStatus.Scheduled, Address = row.Address, OccurredAt = row.OccurredAt,
            DueAt = at, CreatedAt = row.CreatedAt, UpdatedAt = row.CreatedAt, Partition = row.Partition,
        }, cancellationToken);
    }

    private string? SuppressionReason(NotificationType type, Reader reader, NotificationChannel channel)
    {
        var preferences = reader.Preferences.Stored;
        if (type.Key != NotificationTypes.Test && preferences.OptedOutTypes.Contains(type.Key))
        {
            return $"The recipient opted out of {type.Key}.";
        }

        return channel switch
        {
            NotificationChannel.Email when !preferences.EmailEnabled =>
                $"E-mail is switched off for this recipient{(preferences.EmailDisabledReason is { } r ? $": {r}" : ".")}",
            NotificationChannel.Email when reader.Person.Email is null => "The recipient has no e-mail address.",
            NotificationChannel.Telegram when !telegram.Value.Enabled => "Telegram is off (Telegram__Mode=off).",
            NotificationChannel.Telegram when !preferences.TelegramEnabled =>
                $"Telegram is switched off for this recipient{(preferences.TelegramDisabledReason is { } r ? $": {r}" : ".")}",
            NotificationChannel.Telegram when reader.Person.TelegramChatId is null => "The recipient has no Telegram chat.",
            _ => null,
        };
    }
}

public sealed class RecipientNotKnownException(Guid recipientId)
    : Exception($"Recipient {recipientId} is not known yet; waiting for their registration event.");

internal static partial class Log
{
    [LoggerMessage(LogLevel.Information, "Recipient {RecipientId} of {Type} is not known; skipped.")]
    public static partial void RecipientSkipped(ILogger logger, Guid recipientId, string type);
}
