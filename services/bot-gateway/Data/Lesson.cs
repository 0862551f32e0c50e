using Repitbot.Contracts;

namespace Repitbot.BotGateway.Data;

public enum LessonStatus { Scheduled, Cancelled, Completed }

public sealed class Lesson
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public LessonStatus Status { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public int? DurationMinutes { get; set; }
    public long? PriceMinor { get; set; }
    public string? Currency { get; set; }
    public string? CancelReason { get; set; }
    public LessonOutcome? Outcome { get; set; }
    public int? Minutes { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The event that recorded the completion.</summary>
    public Guid? CompletedEventId { get; set; }
}
