using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Homework;

public sealed record AssignHomeworkRequest : IValidatableObject
{
    public required Guid HomeworkId { get; init; }

    public required Guid StudentId { get; init; }

    [Required, StringLength(300, MinimumLength = 1)]
    public required string Title { get; init; }

    public Guid? LessonId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Only admins and services name the tutor.</summary>
    public Guid? TutorId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HomeworkId == Guid.Empty)
        {
            yield return new ValidationResult("homeworkId must not be empty.", [nameof(HomeworkId)]);
        }

        if (DueAt is { Year: < 2000 or > 2100 })
        {
            yield return new ValidationResult("dueAt must be between 2000 and 2100.", [nameof(DueAt)]);
        }
    }
}

public sealed record SubmitHomeworkRequest
{
    public required Guid HomeworkId { get; init; }

    public Guid? TutorId { get; init; }
}

public sealed record GradeHomeworkRequest
{
    public required Guid HomeworkId { get; init; }

    [Range(0, 100)]
    public required int Score { get; init; }

    [StringLength(1000)]
    public string? Comment { get; init; }

    public Guid? TutorId { get; init; }
}
