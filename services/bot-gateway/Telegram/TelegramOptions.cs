using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Telegram;

public enum TelegramMode { Off, Webhook, Polling }

public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>webhook (production), polling (local runs), off (the service without a bot).</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Off;

    public string? BotToken { get; set; }

    /// <summary>The Bot API server; tests and local runs point it at the stand-in.</summary>
    [Url(ErrorMessage = "Telegram__ApiBaseUrl must be an absolute http(s) URL.")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>What Telegram sends back in X-Telegram-Bot-Api-Secret-Token (1–256 of A–Z a–z 0–9 _ -).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The public URL of /telegram/webhook to register at start; not registered when empty.</summary>
    [Url(ErrorMessage = "Telegram__WebhookUrl must be an absolute http(s) URL.")]
    public string? WebhookUrl { get; set; }

    /// <summary>The bot's @username for t.me links; asked from getMe when empty.</summary>
    public string? BotUsername { get; set; }

    /// <summary>Long-polling wait per getUpdates call.</summary>
    [Range(0, 50, ErrorMessage = "Telegram__PollingTimeoutSeconds must be between 0 and 50.")]
    public int PollingTimeoutSeconds { get; set; } = 25;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == TelegramMode.Off)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(BotToken) || !BotToken.Contains(':', StringComparison.Ordinal))
        {
            yield return new ValidationResult($"Telegram__BotToken is missing or malformed (123456:ABC...); required when Telegram__Mode is {Mode.ToString().ToLowerInvariant()}.");
        }

        if (Mode == TelegramMode.Webhook && (WebhookSecret is not { Length: >= 1 and <= 256 }
            || !WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            yield return new ValidationResult("Telegram__WebhookSecret is missing or invalid (1–256 of A–Z a–z 0–9 _ -); required when Telegram__Mode is webhook.");
        }
    }
}
