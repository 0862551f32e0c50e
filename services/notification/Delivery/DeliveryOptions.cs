using System.ComponentModel.DataAnnotations;

namespace Repitbot.Notification.Delivery;

/// <summary>How the channel workers claim, retry and pace (section Delivery).</summary>
public sealed class DeliveryOptions
{
    public const string DefaultPartition = "default";

    /// <summary>Rows this instance plans and claims; every instance of one deployment uses the same value.</summary>
    [Required(ErrorMessage = "Delivery__Partition is missing.")]
    [MaxLength(64, ErrorMessage = "Delivery__Partition must be at most 64 characters.")]
    public string Partition { get; set; } = DefaultPartition;

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

    /// <summary>
    /// E-mails in flight at once (and SMTP connections kept). A send spends most of its time waiting on the SMTP
    /// server and PostgreSQL, not on this process: with 2 in flight a mail waited seconds in the schedule at 25-50
    /// lessons a second, with 16 it is sent within a second (BENCHMARKS.md, "E-mail latency and memory").
    /// </summary>
    [Range(1, 64, ErrorMessage = "Delivery__EmailConcurrency must be 1-64.")]
    public int EmailConcurrency { get; set; } = 16;

    [Range(1, 256, ErrorMessage = "Delivery__TelegramConcurrency must be 1-256.")]
    public int TelegramConcurrency { get; set; } = 16;

    /// <summary>The Bot API's limits: at most <see cref="TelegramGlobalLimit"/> messages of the bot and <see cref="TelegramChatLimit"/> per chat in any such window.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Delivery__TelegramRateWindow must be between 10 ms and 1 min.")]
    public TimeSpan TelegramRateWindow { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000, ErrorMessage = "Delivery__TelegramGlobalLimit must be 1-10000.")]
    public int TelegramGlobalLimit { get; set; } = 30;

    [Range(1, 1_000, ErrorMessage = "Delivery__TelegramChatLimit must be 1-1000.")]
    public int TelegramChatLimit { get; set; } = 1;

    /// <summary>
    /// Messages are paced as if the window were this much longer: a message may reach Telegram a little later
    /// than its slot (scheduling, GC), and without the slack two late ones could share a window with the next.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Delivery__TelegramJitterGuard must be between 0 and 10 s.")]
    public TimeSpan TelegramJitterGuard { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one Bot API call may take before the attempt counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Delivery__TelegramTimeout must be between 1 s and 10 min.")]
    public TimeSpan TelegramTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Prefix of the shared limiter's Redis keys; instances that share a bot must share it.</summary>
    [Required(ErrorMessage = "Delivery__TelegramLimiterKey is missing.")]
    public string TelegramLimiterKey { get; set; } = "notification:telegram";

    public TimeSpan Backoff(int attempt)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}
