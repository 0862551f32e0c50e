using Repitbot.Contracts;

namespace Repitbot.Notification.People;

/// <summary>This service's own copy of how to reach a person, built from people events only.</summary>
public sealed class Recipient
{
    public Guid UserId { get; set; }
    public UserRole Role { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public long? TelegramChatId { get; set; }
    public required string Locale { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>When the newest applied event happened; an older event arriving late changes nothing.</summary>
    public DateTimeOffset AsOf { get; set; }
}
