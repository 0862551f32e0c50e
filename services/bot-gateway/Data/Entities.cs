using Repitbot.Contracts;

namespace Repitbot.BotGateway.Data;

public sealed class User
{
    public Guid Id { get; set; }
    public UserRole Role { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public long? TelegramChatId { get; set; }
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

public sealed class Lesson
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public LessonOutcome? Outcome { get; set; }
    public int? Minutes { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The event that recorded the completion, returned again when a client repeats the request.</summary>
    public Guid? CompletedEventId { get; set; }
}
