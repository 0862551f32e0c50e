using System.ComponentModel.DataAnnotations;

namespace Repitbot.TelegramStub;

/// <summary>Behaviour of the stand-in; bound from the "TelegramStub" configuration section when run as a process.</summary>
public sealed class TelegramStubOptions
{
    public const string Section = "TelegramStub";
    public const string DefaultToken = "123456789:AAStubTokenForRepitbotLocalTesting00";

    /// <summary>Tokens the stub knows; any other well-formed token gets 401 unless <see cref="AcceptAnyToken"/>.</summary>
    public List<string> Tokens { get; set; } = [DefaultToken];

    /// <summary>Local runs accept whatever token the services are configured with.</summary>
    public bool AcceptAnyToken { get; set; }

    /// <summary>Sending calls per bot across all chats within <see cref="RateWindow"/> (Bot API: 30 per second).</summary>
    [Range(1, int.MaxValue)]
    public int GlobalLimit { get; set; } = 30;

    /// <summary>Sending calls per chat within <see cref="RateWindow"/> (Bot API: about 1 per second).</summary>
    [Range(1, int.MaxValue)]
    public int PerChatLimit { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause before re-posting an update the webhook did not accept.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The real API demands HTTPS webhooks; local tests use plain HTTP.</summary>
    public bool RequireHttpsWebhook { get; set; }

    public string BotFirstName { get; set; } = "Repitbot";
    public string BotUsername { get; set; } = "repitbot_stub_bot";
}
