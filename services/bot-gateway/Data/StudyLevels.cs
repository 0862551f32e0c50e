namespace Repitbot.BotGateway.Data;

/// <summary>
/// One setting of a student's study level by a tutor; the newest row per tutor and student is the current
/// level, older rows are its history (rows are never updated or deleted).
/// </summary>
public sealed class StudyLevelChange
{
    public Guid Id { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>1 for a student's first level with a tutor, then +1: unique per tutor and student, so two changes made at once cannot both build on the same previous level.</summary>
    public int Sequence { get; set; }
    public required string Level { get; set; }
    public string? PreviousLevel { get; set; }
    /// <summary>"cefr" or "custom".</summary>
    public required string Scale { get; set; }
    /// <summary>The user who set it: the tutor, or an admin or service acting for them.</summary>
    public Guid? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A tutor's own ordered list of level names, used instead of CEFR A1–C2 when present.</summary>
public sealed class LevelScale
{
    public Guid TutorId { get; set; }
    public required List<string> Levels { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
