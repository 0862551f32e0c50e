using System.ComponentModel.DataAnnotations;

namespace Repitbot.Gateway.Telegram;

/// <summary>Sign-in with the Telegram Login Widget. Without a bot token, /auth/telegram answers 503.</summary>
public sealed class TelegramLoginOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot's token: the widget's payload is signed with a key derived from it.</summary>
    public string? BotToken { get; set; }

    /// <summary>How old a widget payload (<c>auth_date</c>) may be; an older one could be a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00", ErrorMessage = "Telegram__LoginMaxAge must be between 00:00:10 and 7.00:00:00.")]
    public TimeSpan LoginMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A Telegram user the bot gateway does not know: <c>reject</c> (403, the default) or <c>student</c>
    /// (signed in as a student whose id is derived from the Telegram id, see <see cref="TelegramSubject"/>).
    /// </summary>
    [RegularExpression("^(reject|student)$", ErrorMessage = "Telegram__UnknownUsers must be 'reject' or 'student'.")]
    public string UnknownUsers { get; set; } = "reject";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Telegram__DirectoryTimeout must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan DirectoryTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
