namespace Repitbot.Contracts;

public sealed record UserRegistered : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>
    /// The tutor themselves for a tutor; the inviting tutor for a student or parent who joined by an invite;
    /// <see cref="Guid.Empty"/> for a student or parent who registered before opening any invite.
    /// </summary>
    public required Guid TutorId { get; init; }
    public required Guid UserId { get; init; }
    public required UserRole Role { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public long? TelegramChatId { get; init; }
    /// <summary>BCP 47 language, "ru" or "en".</summary>
    public string Locale { get; init; } = "ru";
    /// <summary>IANA time zone, e.g. "Europe/Moscow".</summary>
    public string TimeZone { get; init; } = "Europe/Moscow";
}

public sealed record UserProfileChanged : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid UserId { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public long? TelegramChatId { get; init; }
    public string Locale { get; init; } = "ru";
    public string TimeZone { get; init; } = "Europe/Moscow";
}

public sealed record StudentLinked : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LinkId { get; init; }
    public Guid? ParentId { get; init; }
    public required DateTimeOffset ValidFrom { get; init; }
    /// <summary>
    /// The student's display name when linked: the student's UserRegistered travels on another queue and may
    /// be handled later, so a "new student" message must not depend on it. Null from older publishers.
    /// </summary>
    public string? StudentName { get; init; }
}

public sealed record StudentUnlinked : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    public required Guid LinkId { get; init; }
    public required DateTimeOffset ValidTo { get; init; }
}
