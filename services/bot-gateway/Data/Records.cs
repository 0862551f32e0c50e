using Repitbot.Contracts;

namespace Repitbot.BotGateway.Data;

public sealed class Homework
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public required string Title { get; set; }
    public Guid? LessonId { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int? Score { get; set; }
}

public sealed class Payment
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public PaymentMethod Method { get; set; }
    public int LessonsCovered { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public long RefundedMinor { get; set; }
}

public sealed class Material
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    /// <summary>Null when shared with all of the tutor's students.</summary>
    public Guid? StudentId { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? MimeType { get; set; }
    /// <summary>Telegram's file id when the material came in as a document sent to the bot.</summary>
    public string? TelegramFileId { get; set; }
    public DateTimeOffset SharedAt { get; set; }
}

/// <summary>
/// One recorded action, keyed by what it acted on ("lessons/cancelled:{lessonId}"), so a repeated request
/// answers with the same event and a different one under the same key is a conflict.
/// </summary>
public sealed class RecordedEvent
{
    public required string Key { get; set; }
    public Guid EventId { get; set; }
    public Guid TutorId { get; set; }
    public required string Fingerprint { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
