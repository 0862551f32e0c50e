using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Startup;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.Templates;

/// <summary>Stores version 1 of every default template that is missing; edited templates are left alone.</summary>
internal sealed class SeedDefaultTemplates(IServiceScopeFactory scopes, TimeProvider clock) : IStartupTask
{
    public int Order => 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDb>();
        foreach (var t in DefaultTemplates.All())
        {
            var channel = t.Channel.ToString();
            // Replicas start together: the unique index makes the second insert a no-op.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO notification.templates (id, type, channel, locale, version, subject, body, text, created_by, created_at)
                VALUES ({Guid.NewGuid()}, {t.Type}, {channel}, {t.Locale}, 1, {t.Subject}, {t.Body}, {t.Text}, {t.CreatedBy}, {clock.GetUtcNow()})
                ON CONFLICT (type, channel, locale, version) DO NOTHING
                """, cancellationToken);
        }
    }
}
