using System.ComponentModel.DataAnnotations;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.StudyLevels;

public sealed record SetStudyLevelRequest
{
    /// <summary>A name on the tutor's scale (CEFR A1–C2 by default), e.g. "B1".</summary>
    [Required, StringLength(StudyLevelLimits.NameLength, MinimumLength = 1)]
    public required string Level { get; init; }

    /// <summary>Only admins and services name the tutor; a tutor always sets levels of their own students.</summary>
    public Guid? TutorId { get; init; }
}

public sealed record SetLevelScaleRequest
{
    /// <summary>The tutor's own level names, lowest first; an empty list goes back to CEFR A1–C2.</summary>
    [Required]
    public required IReadOnlyList<string> Levels { get; init; }

    public Guid? TutorId { get; init; }
}
