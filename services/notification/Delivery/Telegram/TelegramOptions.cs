using System.ComponentModel.DataAnnotations;

namespace Repitbot.Notification.Delivery.Telegram;

/// <summary>The Telegram settings shared with the bot gateway.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public string? BotToken { get; set; }

    [Url(ErrorMessage = "Telegram__ApiBaseUrl must be an absolute URL.")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    [RegularExpression("^(webhook|polling|off)$", ErrorMessage = "Telegram__Mode must be webhook, polling or off.")]
    public string Mode { get; set; } = "off";

    /// <summary>Off: there is no Telegram channel; its notifications are suppressed with a reason.</summary>
    public bool Enabled => Mode != "off";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(BotToken))
        {
            yield return new ValidationResult("Telegram__BotToken is missing (or set Telegram__Mode=off).", [nameof(BotToken)]);
        }
    }
}
