using System.ComponentModel.DataAnnotations;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Lessons;

public sealed record LessonCompletedRequest : IValidatableObject
{
    public required Guid LessonId { get; init; }

    public required Guid StudentId { get; init; }

    public required LessonOutcome Outcome { get; init; }

    /// <summary>Minutes taught: 1–720 for an attended lesson, 0 for a no-show.</summary>
    [Range(0, 720)]
    public required int Minutes { get; init; }

    /// <summary>When the lesson ended; now when omitted. Not more than a few minutes in the future.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    [StringLength(200)]
    public string? Subject { get; init; }

    /// <summary>Only admins and services name the tutor.</summary>
    public Guid? TutorId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LessonId == Guid.Empty)
        {
            yield return new ValidationResult("lessonId must not be empty.", [nameof(LessonId)]);
        }

        if (StudentId == Guid.Empty)
        {
            yield return new ValidationResult("studentId must not be empty.", [nameof(StudentId)]);
        }

        if (Outcome == LessonOutcome.Attended && Minutes == 0)
        {
            yield return new ValidationResult("An attended lesson lasts at least one minute.", [nameof(Minutes)]);
        }

        if (Outcome == LessonOutcome.NoShow && Minutes != 0)
        {
            yield return new ValidationResult("A no-show has 0 minutes.", [nameof(Minutes)]);
        }

        if (OccurredAt > DateTimeOffset.UtcNow.AddMinutes(5))
        {
            yield return new ValidationResult("occurredAt is in the future.", [nameof(OccurredAt)]);
        }
    }
}

/// <summary>What was recorded; the same answer comes back when a client repeats the request.</summary>
public sealed record EventRecorded(Guid EventId, string Kind, Guid TutorId, Guid StudentId, Guid LessonId,
    LessonOutcome Outcome, int Minutes, DateTimeOffset OccurredAt);
