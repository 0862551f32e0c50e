namespace Repitbot.Contracts;

/// <summary>
/// A tutor set a student's study level: a CEFR level (A1–C2) or a name from the tutor's own ordered scale.
/// Consumers keep the latest per tutor and student by <see cref="IDomainEvent.OccurredAt"/>.
/// </summary>
public sealed record StudentLevelChanged : IDomainEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TutorId { get; init; }
    public required Guid StudentId { get; init; }
    /// <summary>The level as the scale spells it, e.g. "B1".</summary>
    public required string Level { get; init; }
    /// <summary>Null when the student had no level yet.</summary>
    public string? PreviousLevel { get; init; }
    /// <summary>"cefr" or "custom": which scale <see cref="Level"/> belongs to.</summary>
    public string Scale { get; init; } = "cefr";
    /// <summary>Who set it (the tutor, or an admin or service acting for them).</summary>
    public Guid? ChangedBy { get; init; }
}
