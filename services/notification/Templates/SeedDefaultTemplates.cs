using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Startup;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Templates;

/// <summary>
/// Stores every default template that is missing, and a new version of a default nobody edited when the
/// default itself changed; a template an admin edited is left alone.
/// </summary>
internal sealed class SeedDefaultTemplates(IServiceScopeFactory scopes, TimeProvider clock) : IStartupTask
{
    public const string Author = "seed";

    public int Order => 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDb>();
        var store = scope.ServiceProvider.GetRequiredService<TemplateStore>();
        foreach (var t in DefaultTemplates.All())
        {
            var latest = await store.LatestAsync(t.Type, t.Channel, t.Locale, cancellationToken);
            if (latest is not null && (latest.CreatedBy != Author || (latest.Subject, latest.Body, latest.Text) == (t.Subject, t.Body, t.Text)))
            {
                continue;
            }

            var channel = t.Channel.ToString();
            var version = (latest?.Version ?? 0) + 1;
            // Replicas start together: the unique index makes the second insert a no-op.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notification.templates (id, type, channel, locale, version, subject, body, text, created_by, created_at)
                VALUES ({Guid.NewGuid()}, {t.Type}, {channel}, {t.Locale}, {version}, {t.Subject}, {t.Body}, {t.Text}, {Author}, {clock.GetUtcNow()})
                ON CONFLICT (type, channel, locale, version) DO NOTHING
                """, cancellationToken);
        }
    }
}
