namespace Repitbot.Contracts;

/// <summary>
/// Asks the notification service to tell one person something. <see cref="IdempotencyKey"/> makes a
/// resent command a no-op; <see cref="Channel"/> null means "the person's preferred channels".
/// </summary>
public sealed record SendNotification
{
    public required string IdempotencyKey { get; init; }
    public required Guid RecipientId { get; init; }
    public required string TemplateKey { get; init; }
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    public NotificationChannel? Channel { get; init; }
    public Guid? TutorId { get; init; }
}
