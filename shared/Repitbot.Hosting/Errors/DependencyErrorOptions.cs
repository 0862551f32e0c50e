using System.ComponentModel.DataAnnotations;

namespace Repitbot.Hosting.Errors;

/// <summary>What a client is told when a dependency is down (<c>DependencyErrors__*</c>).</summary>
public sealed class DependencyErrorOptions
{
    public const string Section = "DependencyErrors";

    /// <summary>The <c>Retry-After</c> of a 503: about as long as a restart of PostgreSQL, Redis or a service takes.</summary>
    [Range(1, 3600, ErrorMessage = "DependencyErrors__RetryAfterSeconds must be between 1 and 3600.")]
    public int RetryAfterSeconds { get; set; } = 5;
}
