using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.Routing;

/// <summary>Base addresses of the services behind the gateway; appsettings.json routes to them by name.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Services";

    [Required(ErrorMessage = "Services__Notification is missing (e.g. http://127.0.0.1:8006).")]
    [AbsoluteHttpUrl("Services__Notification")]
    public string? Notification { get; set; }

    [Required(ErrorMessage = "Services__Analytics is missing (e.g. http://127.0.0.1:8007).")]
    [AbsoluteHttpUrl("Services__Analytics")]
    public string? Analytics { get; set; }

    [Required(ErrorMessage = "Services__BotGateway is missing (e.g. http://127.0.0.1:8000).")]
    [AbsoluteHttpUrl("Services__BotGateway")]
    public string? BotGateway { get; set; }

    /// <summary>Each service under the name its cluster has in the proxy configuration.</summary>
    public IReadOnlyList<(string Name, string Address)> ByName() =>
    [
        ("notification", Notification!),
        ("analytics", Analytics!),
        ("bot-gateway", BotGateway!),
    ];
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUrlAttribute(string setting) : ValidationAttribute
{
    public string Setting { get; } = setting;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string { Length: > 0 } text)
        {
            return ValidationResult.Success; // [Required] reports the missing value.
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidationResult.Success
            : new ValidationResult($"{Setting} '{text}' is not an absolute http(s) URL.", [validationContext.MemberName!]);
    }
}
