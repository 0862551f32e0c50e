using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Materials;

public sealed record ShareMaterialRequest
{
    public required Guid MaterialId { get; init; }

    [Required, StringLength(300, MinimumLength = 1)]
    public required string Title { get; init; }

    /// <summary>Null shares it with all of the tutor's students.</summary>
    public Guid? StudentId { get; init; }

    [Url, StringLength(2000)]
    public string? Url { get; init; }

    [StringLength(100)]
    public string? MimeType { get; init; }

    /// <summary>Only admins and services name the tutor.</summary>
    public Guid? TutorId { get; init; }
}

public sealed record ViewMaterialRequest
{
    public required Guid MaterialId { get; init; }

    public required Guid StudentId { get; init; }

    /// <summary>Makes a repeated request count once; every request is a new view when omitted.</summary>
    public Guid? ViewId { get; init; }

    public Guid? TutorId { get; init; }
}
