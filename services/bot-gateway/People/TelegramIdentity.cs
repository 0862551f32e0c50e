namespace Repitbot.BotGateway.People;

/// <summary>Who wrote to the bot, as Telegram tells it.</summary>
public sealed record TelegramIdentity(long UserId, long ChatId, string DisplayName, string Locale)
{
    /// <summary>Telegram's language code reduced to what we speak: Russian unless the user's client is in English.</summary>
    public static string LocaleFrom(string? languageCode) =>
        languageCode is not null && languageCode.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "ru";
}
