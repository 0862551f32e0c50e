using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Students;

public sealed record CreateStudentRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public required string DisplayName { get; init; }

    [EmailAddress, StringLength(254)]
    public string? Email { get; init; }

    [RegularExpression("^(ru|en)$", ErrorMessage = "Locale must be \"ru\" or \"en\".")]
    public string Locale { get; init; } = "ru";

    [IanaTimeZone]
    public string TimeZone { get; init; } = "Europe/Moscow";

    /// <summary>Only admins and services name the tutor; a tutor always creates their own students.</summary>
    public Guid? TutorId { get; init; }
}

public sealed record StudentCreated(Guid StudentId, Guid LinkId, Guid TutorId);
