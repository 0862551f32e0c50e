using Repitbot.Contracts;

namespace Repitbot.Notification.Templates;

/// <summary>
/// One version of the Liquid sources for a notification type, channel and language. Versions are never
/// edited: an update adds the next one, and the newest is used.
/// </summary>
public sealed class TemplateVersion
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public NotificationChannel Channel { get; set; }
    public required string Locale { get; set; }
    public int Version { get; set; }
    /// <summary>E-mail subject; null for Telegram.</summary>
    public string? Subject { get; set; }
    /// <summary>E-mail HTML part, or the Telegram message (Bot API HTML).</summary>
    public required string Body { get; set; }
    /// <summary>E-mail plain-text part; null for Telegram.</summary>
    public string? Text { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
