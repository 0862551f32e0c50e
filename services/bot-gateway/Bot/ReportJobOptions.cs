using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Bot;

/// <summary>How the bot follows a full-report job for "📄 PDF" (section Bot:Reports).</summary>
public sealed class ReportJobOptions
{
    /// <summary>How often the job's status is asked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between two edits of the progress message. Telegram allows about one message a
    /// second per chat, and edits count; 3 s leaves room for the user's other answers.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MinEditInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The least time between any two calls this flow makes in the chat (the progress message, its edits, the
    /// document): Telegram answers 429 to more than about one a second in one chat.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ChatGap { get; set; } = TimeSpan.FromSeconds(1.1);

    /// <summary>When to give up on a job (the product promises a full report within 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Periods of at least this many days (and areas without a quick report) go through a job.</summary>
    [Range(1, 3660)]
    public int LongFromDays { get; set; } = 90;
}
