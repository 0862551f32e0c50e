using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.Edge;

/// <summary>Browser origins allowed to call the gateway. None configured: no cross-origin access at all.</summary>
public sealed class CorsSettings : IValidatableObject
{
    public const string Section = "Cors";
    public const string Policy = "gateway";

    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                yield return new ValidationResult(
                    $"Cors__AllowedOrigins__{i} '{origin}' is not an origin (scheme://host[:port], no path).", [nameof(AllowedOrigins)]);
            }
        }
    }
}
