using System.ComponentModel.DataAnnotations;

namespace Repitbot.Notification.Delivery.Email;

public sealed class SmtpOptions
{
    [Required(ErrorMessage = "Smtp__Host is missing.")]
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp__Port must be a port number (1-65535).")]
    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS, or implicit TLS on port 465.</summary>
    public bool UseTls { get; set; }

    /// <summary>How long one SMTP operation may take before the attempt counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Smtp__Timeout must be between 1 s and 10 min.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection kept for the next e-mail may wait unused before it is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Smtp__IdleTimeout must be between 1 s and 1 h.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Required(ErrorMessage = "Smtp__From is missing (e.g. \"Repitbot <noreply@repitbot.local>\").")]
    [MailboxAddress]
    public string? From { get; set; }
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class MailboxAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || MimeKit.MailboxAddress.TryParse(text, out _)
            ? ValidationResult.Success
            : new ValidationResult($"Smtp__From '{value}' is not an e-mail address.");
}
