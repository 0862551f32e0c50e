using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repitbot.Contracts;
using Repitbot.Notification.Data;
using Repitbot.Notification.Delivery.Email;
using Repitbot.Notification.Delivery.Telegram;
using Repitbot.Notification.Observability;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Sends one claimed row: waits out quiet hours, renders in the reader's language, hands it to the
/// channel's provider and records the outcome. A rendering failure fails this row only.
/// </summary>
public sealed class DeliveryProcessor(NotificationDb db, TemplateStore templates, TemplateRenderer renderer,
    EmailChannelSender email, TelegramChannelSender telegram, DeliveryOutcomes outcomes, TimeProvider clock,
    IOptions<DeliveryOptions> options, IOptions<TelegramOptions> telegramOptions, DigestBuilder digests)
{
    public async Task ProcessAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ClaimedDeliveryQuery.FindAsync(db, id, cancellationToken) is not { } loaded)
        {
            // Removed since it was claimed (retention): there is nothing left to send.
            return;
        }

        var (row, person, storedPreference) = (loaded.Row, loaded.Person, loaded.Stored);
        if (person is null)
        {
            await outcomes.FailAsync(row, "The recipient is not known.", "unknown_recipient", cancellationToken);
            return;
        }

        var preferences = EffectivePreferences.For(person, storedPreference);
        // A reminder planned days ago must respect what the person chose since.
        if (SendTimeSuppression(row, preferences.Stored, telegramOptions.Value.Enabled) is { } reason)
        {
            await outcomes.SuppressAsync(row, reason, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var allowed = QuietHours.NextAllowed(now, preferences.Stored.QuietFrom, preferences.Stored.QuietTo, preferences.Zone);
        if (allowed > now)
        {
            await outcomes.DeferAsync(row, allowed, countsAsAttempt: false, cancellationToken);
            return;
        }

        var template = await templates.CurrentAsync(row.TemplateKey, row.Channel, preferences.Locale, cancellationToken);
        if (template is null)
        {
            await outcomes.FailAsync(row, $"No {row.Channel} template for {row.TemplateKey}.", "no_template", cancellationToken);
            return;
        }

        RenderedMessage message;
        List<Delivery> digestItems = [];
        try
        {
            var data = TemplateData.FromJson(row.Data);
            if (row.TemplateKey == NotificationTypes.Digest)
            {
                (data, digestItems) = await digests.BuildAsync(row, preferences, person.DisplayName, cancellationToken);
                if (digestItems.Count == 0)
                {
                    await outcomes.SuppressAsync(row, "Nothing was left for this digest.", cancellationToken);
                    return;
                }
            }

            // Whatever breaks in a template fails this notification, never the worker or the queue behind it.
            message = await renderer.RenderAsync(template, data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await outcomes.FailAsync(row, $"Rendering template v{template.Version} failed: {ex.Message}", "render", cancellationToken);
            return;
        }

        row.Subject = message.Subject is { Length: > 300 } subject ? subject[..300] : message.Subject;
        IChannelSender sender = row.Channel == NotificationChannel.Email ? email : telegram;
        var result = await sender.SendAsync(row, message, person.DisplayName, cancellationToken);
        switch (result)
        {
            case SendResult.Sent sent:
                await outcomes.SentAsync(row, sent.ProviderMessageId, cancellationToken);
                break;
            case SendResult.Later later:
                await outcomes.DeferAsync(row, clock.GetUtcNow() + later.Wait, countsAsAttempt: false, cancellationToken);
                break;
            case SendResult.Transient transient when row.Attempts < options.Value.MaxAttempts:
                NotificationMetrics.Retries.WithLabels(Names.ChannelNames.Of(row.Channel)).Inc();
                row.LastError = transient.Reason;
                var wait = transient.RetryAfter ?? options.Value.Backoff(row.Attempts);
                await outcomes.DeferAsync(row, clock.GetUtcNow() + wait, countsAsAttempt: true, cancellationToken);
                break;
            case SendResult.Transient transient:
                await outcomes.FailAsync(row, $"Gave up after {row.Attempts} attempts: {transient.Reason}", transient.Code, cancellationToken);
                break;
            case SendResult.Permanent permanent:
                await outcomes.FailPermanentlyAsync(row, person, permanent, cancellationToken);
                break;
        }

        if (digestItems.Count > 0 && row.Status is DeliveryStatus.Sent or DeliveryStatus.Failed)
        {
            await outcomes.SettleDigestItemsAsync(row, digestItems, cancellationToken);
        }
    }

    private static string? SendTimeSuppression(Delivery row, Preference preference, bool telegramOn) => row switch
    {
        { Channel: NotificationChannel.Telegram } when !telegramOn => "Telegram is off (Telegram__Mode=off).",
        _ when row.TemplateKey != NotificationTypes.Test && preference.OptedOutTypes.Contains(row.TemplateKey) =>
            $"The recipient opted out of {row.TemplateKey}.",
        { Channel: NotificationChannel.Email } when !preference.EmailEnabled => "E-mail is switched off for this recipient.",
        { Channel: NotificationChannel.Telegram } when !preference.TelegramEnabled => "Telegram is switched off for this recipient.",
        _ => null,
    };
}
