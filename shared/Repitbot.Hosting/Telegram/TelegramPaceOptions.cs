using System.ComponentModel.DataAnnotations;

namespace Repitbot.Hosting.Telegram;

/// <summary>
/// The Bot API's limits as <see cref="TelegramRateLimiter"/> paces them: at most <see cref="GlobalLimit"/>
/// messages of the bot and <see cref="ChatLimit"/> per chat in any <see cref="Window"/>. Every service that
/// sends as the same bot must use the same <see cref="Key"/> and limits, or they pace apart and draw 429s.
/// </summary>
public sealed class TelegramPaceOptions
{
    /// <summary>The Redis key prefix; "notification:telegram" because notification had the limiter first.</summary>
    [Required(ErrorMessage = "TelegramPace__Key is missing.")]
    public string Key { get; set; } = "notification:telegram";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "TelegramPace__Window must be between 10 ms and 1 min.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000, ErrorMessage = "TelegramPace__GlobalLimit must be 1-10000.")]
    public int GlobalLimit { get; set; } = 30;

    [Range(1, 1_000, ErrorMessage = "TelegramPace__ChatLimit must be 1-1000.")]
    public int ChatLimit { get; set; } = 1;

    /// <summary>
    /// Messages are paced as if the window were this much longer: a message may reach Telegram a little later
    /// than its slot (scheduling, GC), and without the slack two late ones could share a window with the next.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "TelegramPace__JitterGuard must be between 0 and 10 s.")]
    public TimeSpan JitterGuard { get; set; } = TimeSpan.FromMilliseconds(250);
}
