using Repitbot.Contracts;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Templates;

/// <summary>Turns what a client sent into a template, naming each field that is wrong.</summary>
internal static class TemplateInput
{
    public static Dictionary<string, string[]> Read(string? type, string? channel, string? locale, TemplateSources sources,
        bool bodyRequired, out NotificationType? notificationType, out TemplateVersion? template)
    {
        var errors = new Dictionary<string, string[]>();
        notificationType = type is null ? null : NotificationTypes.Find(type);
        template = null;
        if (notificationType is null)
        {
            errors["type"] = [type is null ? "This field is required." : $"Unknown notification type '{type}'; GET /api/v1/templates lists them."];
        }

        var channelKnown = Channels.TryParse(channel, out var parsedChannel);
        if (!channelKnown)
        {
            errors["channel"] = ["Must be email or telegram."];
        }

        if (locale is null || !Channels.Locales.Contains(locale))
        {
            errors["locale"] = ["Must be ru or en."];
        }

        if (bodyRequired && string.IsNullOrWhiteSpace(sources.Body))
        {
            errors["body"] = ["This field is required."];
        }

        if (bodyRequired && channelKnown && parsedChannel == NotificationChannel.Email && string.IsNullOrWhiteSpace(sources.Subject))
        {
            errors["subject"] = ["An e-mail template needs a subject."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var email = parsedChannel == NotificationChannel.Email;
        template = new TemplateVersion
        {
            Type = notificationType!.Key, Channel = parsedChannel, Locale = locale!,
            Subject = email ? sources.Subject : null,
            Body = sources.Body ?? string.Empty,
            // Without a plain-text part, mail clients show the HTML one; keep a copy the reader can read.
            Text = email ? sources.Text ?? sources.Body : null,
        };
        return errors;
    }
}
