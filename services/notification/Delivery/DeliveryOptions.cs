using System.ComponentModel.DataAnnotations;

namespace Repitbot.Notification.Delivery;

/// <summary>How the channel workers claim, retry and pace (section Delivery).</summary>
public sealed class DeliveryOptions
{
    /// <summary>How often an idle worker looks for due rows another instance added.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Delivery__PollInterval must be between 10 ms and 10 min.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts; a worker that dies mid-send frees its row after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Delivery__Lease must be between 5 s and 1 h.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100, ErrorMessage = "Delivery__MaxAttempts must be 1-100.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Delivery__RetryBaseDelay must be between 10 ms and 1 h.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Delivery__RetryMaxDelay must be between 10 ms and 1 day.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1, 64, ErrorMessage = "Delivery__EmailConcurrency must be 1-64.")]
    public int EmailConcurrency { get; set; } = 2;

    [Range(1, 256, ErrorMessage = "Delivery__TelegramConcurrency must be 1-256.")]
    public int TelegramConcurrency { get; set; } = 16;

    /// <summary>The Bot API's overall limit across all instances.</summary>
    [Range(1, 10_000, ErrorMessage = "Delivery__TelegramMessagesPerSecond must be 1-10000.")]
    public int TelegramMessagesPerSecond { get; set; } = 30;

    /// <summary>The Bot API's per-chat limit: one message a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Delivery__TelegramChatInterval must be between 1 ms and 1 min.")]
    public TimeSpan TelegramChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Prefix of the shared limiter's Redis keys; instances that share a bot must share it.</summary>
    [Required(ErrorMessage = "Delivery__TelegramLimiterKey is missing.")]
    public string TelegramLimiterKey { get; set; } = "notification:telegram";

    public TimeSpan Backoff(int attempt)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}
