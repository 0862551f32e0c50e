using System.ComponentModel.DataAnnotations;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Lessons;

public sealed record ScheduleLessonRequest : IValidatableObject
{
    public required Guid LessonId { get; init; }

    public required Guid StudentId { get; init; }

    /// <summary>When the lesson starts, with its UTC offset.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    [Range(15, 480)]
    public required int DurationMinutes { get; init; }

    /// <summary>Price in minor units (kopecks, cents); omitted when prepaid or free.</summary>
    [Range(0, 100_000_000)]
    public long? PriceMinor { get; init; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be an ISO 4217 code such as RUB.")]
    public string Currency { get; init; } = "RUB";

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

        if (StartsAt.Year is < 2000 or > 2100)
        {
            yield return new ValidationResult("startsAt must be between 2000 and 2100.", [nameof(StartsAt)]);
        }
    }
}

public sealed record RescheduleLessonRequest : IValidatableObject
{
    public required Guid LessonId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>The new length; unchanged when omitted.</summary>
    [Range(15, 480)]
    public int? DurationMinutes { get; init; }

    public Guid? TutorId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartsAt.Year is < 2000 or > 2100)
        {
            yield return new ValidationResult("startsAt must be between 2000 and 2100.", [nameof(StartsAt)]);
        }
    }
}

public sealed record CancelLessonRequest
{
    public required Guid LessonId { get; init; }

    [Required, StringLength(500, MinimumLength = 1)]
    public required string Reason { get; init; }

    public CancelledBy CancelledBy { get; init; } = CancelledBy.Tutor;

    public Guid? TutorId { get; init; }
}
