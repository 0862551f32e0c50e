using System.ComponentModel.DataAnnotations;

namespace Repitbot.Hosting.Configuration;

// Error messages name the environment variable, because that is what an operator sets.

public sealed class PostgresOptions
{
    [Required(ErrorMessage = "ConnectionStrings__Postgres is missing (e.g. Host=127.0.0.1;Port=5432;Database=repitbot;Username=...;Password=...).")]
    public string? Postgres { get; set; }
}

public sealed class RedisOptions
{
    [Required(ErrorMessage = "ConnectionStrings__Redis is missing (e.g. 127.0.0.1:6379).")]
    public string? Redis { get; set; }
}

public sealed class RabbitMqOptions
{
    [Required(ErrorMessage = "RabbitMq__Uri is missing (amqp://user:pass@host:port/vhost).")]
    [AmqpUri]
    public string? Uri { get; set; }

    /// <summary>Messages handled at once per receive endpoint.</summary>
    [Range(1, 1000, ErrorMessage = "RabbitMq__PrefetchCount must be between 1 and 1000.")]
    public int PrefetchCount { get; set; } = 32;
}

public sealed class JwtOptions
{
    [Required(ErrorMessage = "Jwt__Issuer is missing.")]
    public string? Issuer { get; set; }

    [Required(ErrorMessage = "Jwt__Audience is missing.")]
    public string? Audience { get; set; }

    [Required(ErrorMessage = "Jwt__JwksUrl is missing (e.g. http://127.0.0.1:8080/.well-known/jwks.json).")]
    [Url(ErrorMessage = "Jwt__JwksUrl must be an absolute http(s) URL.")]
    public string? JwksUrl { get; set; }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class AmqpUriAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.Length == 0)
        {
            return ValidationResult.Success; // [Required] reports the missing value.
        }

        return System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? ValidationResult.Success
            : new ValidationResult($"RabbitMq__Uri '{text}' is not an amqp:// or amqps:// URI.");
    }
}
