using Microsoft.EntityFrameworkCore;
using Repitbot.Contracts;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Templates;

/// <summary>Reads and adds template versions; the newest version of a template is the one in use.</summary>
public sealed class TemplateStore(NotificationDb db, TimeProvider clock, TemplateCache cache)
{
    public const string DefaultLocale = "ru";

    /// <summary>The newest version in <paramref name="locale"/>, else in Russian, else null; from <see cref="TemplateCache"/>.</summary>
    public Task<TemplateVersion?> CurrentAsync(string type, NotificationChannel channel, string locale,
        CancellationToken cancellationToken) =>
        cache.GetAsync(type, channel, locale, async ct =>
            await LatestAsync(type, channel, locale, ct)
            ?? (locale == DefaultLocale ? null : await LatestAsync(type, channel, DefaultLocale, ct)), cancellationToken);

    public Task<TemplateVersion?> LatestAsync(string type, NotificationChannel channel, string locale,
        CancellationToken cancellationToken) =>
        db.Templates.AsNoTracking()
            .Where(t => t.Type == type && t.Channel == channel && t.Locale == locale)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stores <paramref name="template"/> as the next version; a concurrent writer makes this throw and the caller retries.</summary>
    public async Task<TemplateVersion> AddVersionAsync(TemplateVersion template, string? author, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(template.Type, template.Channel, template.Locale, cancellationToken);
        template.Id = Guid.NewGuid();
        template.Version = (latest?.Version ?? 0) + 1;
        template.CreatedBy = author;
        template.CreatedAt = clock.GetUtcNow();
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(template.Type, template.Channel);
        return template;
    }
}
