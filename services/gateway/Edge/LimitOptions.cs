using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.Edge;

public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body, unless a route sets its own <c>MaxRequestBodySize</c>.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Limits__MaxRequestBodyBytes must be between 1024 and 1073741824.")]
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;
}

/// <summary>The body limit of the gateway's own endpoints; honoured by routing and by <see cref="BodySizeGuard"/>.</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public static readonly BodySizeLimit Auth = new(16 * 1024);
}
