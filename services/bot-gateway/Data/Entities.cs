using Repitbot.Contracts;

namespace Repitbot.BotGateway.Data;

public sealed class User
{
    public Guid Id { get; set; }
    public UserRole Role { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public long? TelegramChatId { get; set; }
    /// <summary>Telegram's user id (the same as the private chat id, kept apart because the API treats them apart).</summary>
    public long? TelegramUserId { get; set; }
    public required string Locale { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A tutor–student relationship over time: closed by setting <see cref="ValidTo"/>, never deleted.</summary>
public sealed class StudentLink
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public Guid? ParentId { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
}
