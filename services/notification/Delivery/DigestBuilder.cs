using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Hosting.Telegram;
using Repitbot.Notification.Data;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Delivery;

/// <summary>
/// Gathers what waits for one daily digest and turns each item into a subject and a line of text (from its
/// Telegram template, which has no greeting), for the digest template's <c>items</c>.
/// </summary>
public sealed class DigestBuilder(NotificationDb db, TemplateStore templates, TemplateRenderer renderer)
{
    public async Task<(Dictionary<string, object?> Data, List<Delivery> Items)> BuildAsync(Delivery carrier,
        EffectivePreferences preferences, string recipientName, CancellationToken cancellationToken)
    {
        var waiting = await db.Deliveries
            .Where(d => d.GroupKey == carrier.IdempotencyKey && d.Channel == carrier.Channel && d.Status == DeliveryStatus.Scheduled)
            .OrderBy(d => d.CreatedAt)
            .ToListAsync(cancellationToken);
        var items = new List<Delivery>();
        var entries = new List<Dictionary<string, object?>>();
        foreach (var item in waiting)
        {
            var template = await templates.CurrentAsync(item.TemplateKey, NotificationChannel.Telegram, preferences.Locale, cancellationToken);
            if (preferences.Stored.OptedOutTypes.Contains(item.TemplateKey) || template is null)
            {
                (item.Status, item.LastError) = (DeliveryStatus.Suppressed, $"Left out of the digest: opted out of {item.TemplateKey} or no template.");
                continue;
            }

            var lines = TelegramText.ToPlain((await renderer.RenderAsync(template, TemplateData.FromJson(item.Data))).Body).Split('\n', 2);
            entries.Add(new() { ["subject"] = lines[0].Trim(), ["text"] = lines.Length > 1 ? lines[1].Trim() : string.Empty });
            items.Add(item);
        }

        return (new() { ["recipient_name"] = recipientName, ["count"] = entries.Count, ["items"] = entries }, items);
    }
}
