using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Repitbot.BotGateway.Telegram;

/// <summary>t.me links to the bot; the username comes from settings or, once, from getMe.</summary>
public sealed class BotLinks(IOptions<TelegramOptions> options, IServiceProvider services)
{
    private string? _username = options.Value.BotUsername?.TrimStart('@');

    /// <summary>Null when the bot is off and its username is not configured.</summary>
    public async Task<string?> InviteLinkAsync(string code, CancellationToken cancellationToken)
    {
        if (_username is null && options.Value.Mode != TelegramMode.Off)
        {
            var me = await services.GetRequiredService<ITelegramBotClient>().GetMe(cancellationToken);
            _username = me.Username;
        }

        return _username is null ? null : $"https://t.me/{_username}?start={code}";
    }
}
