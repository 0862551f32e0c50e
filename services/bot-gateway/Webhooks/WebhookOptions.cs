using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Repitbot.BotGateway.Webhooks;

/// <summary>Outside systems allowed to post to /api/v1/webhooks/{source}, each with its own signing secret.</summary>
public sealed partial class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    public List<WebhookSource> Sources { get; set; } = [];

    /// <summary>How far a signature's timestamp may be from now, either way.</summary>
    [Range(1, 3600, ErrorMessage = "Webhooks__ReplayWindowSeconds must be between 1 and 3600.")]
    public int ReplayWindowSeconds { get; set; } = 300;

    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "Webhooks__MaxBodyBytes must be between 1024 and 10485760.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public WebhookSource? Find(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Sources.Count; i++)
        {
            var source = Sources[i];
            if (source.Name is null || !NamePattern().IsMatch(source.Name))
            {
                yield return new ValidationResult(
                    $"Webhooks__Sources__{i}__Name must be 1–64 lower-case letters, digits or '-' (got '{source.Name}').");
            }

            if (source.Secret is not { Length: >= 16 })
            {
                yield return new ValidationResult($"Webhooks__Sources__{i}__Secret must be at least 16 characters.");
            }

            if (Sources.Take(i).Any(s => s.Name == source.Name))
            {
                yield return new ValidationResult($"Webhooks__Sources__{i}__Name '{source.Name}' is configured twice.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex NamePattern();
}

public sealed class WebhookSource
{
    public string? Name { get; set; }

    public string? Secret { get; set; }
}
