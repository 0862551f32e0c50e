using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.Tokens;

public sealed class TokenOptions : IValidatableObject
{
    public const string Section = "Tokens";

    [Required(ErrorMessage = "Tokens__SigningKeyPath is missing (path of the ES256 key's PEM file; created when absent).")]
    public string? SigningKeyPath { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00",
        ErrorMessage = "Tokens__AccessTokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one refresh token may wait to be used; each refresh issues a new one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00",
        ErrorMessage = "Tokens__RefreshTokenLifetime must be between 00:01:00 and 90.00:00:00.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A sign-in ends this long after it began, however often it was refreshed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00",
        ErrorMessage = "Tokens__SessionLifetime must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Keys retired by a rotation. They sign nothing new but stay in the JWKS until every token they
    /// signed has expired, so a rotation logs nobody out.
    /// </summary>
    public List<string> PreviousKeyPaths { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < PreviousKeyPaths.Count; i++)
        {
            if (!File.Exists(PreviousKeyPaths[i]))
            {
                yield return new ValidationResult(
                    $"Tokens__PreviousKeyPaths__{i} '{PreviousKeyPaths[i]}' does not exist; a previous key is never created.",
                    [nameof(PreviousKeyPaths)]);
            }
        }
    }
}
