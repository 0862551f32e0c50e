using Repitbot.BotGateway.Observability;
using Repitbot.BotGateway.People;
using Repitbot.BotGateway.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>Sends each update to its command, button or conversation step, after checking who may use it.</summary>
public sealed class UpdateRouter(Registration registration, BotReplies replies, BotCommands commands, BotButtons buttons,
    BotFlows flows)
{
    public async Task RouteAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { From: { } from, Chat.Type: ChatType.Private } message)
        {
            var ctx = await ContextAsync(from, message.Chat.Id, cancellationToken);
            if (message.Document is { } document)
            {
                BotMetrics.Updates.WithLabels("document").Inc();
                await commands.DocumentAsync(ctx, document, message.Caption);
            }
            else if (message.Text is { } text && text.StartsWith('/'))
            {
                await commands.RunAsync(ctx, text);
            }
            else
            {
                BotMetrics.Updates.WithLabels("text").Inc();
                await flows.ContinueAsync(ctx, message.Text ?? "");
            }

            return;
        }

        if (update.CallbackQuery is { Data: { } data, Message: { } origin } query)
        {
            BotMetrics.Updates.WithLabels("callback").Inc();
            await replies.AnswerCallbackAsync(query.Id, cancellationToken: cancellationToken);
            await buttons.PressAsync(await ContextAsync(query.From, origin.Chat.Id, cancellationToken), data);
            return;
        }

        BotMetrics.Updates.WithLabels("other").Inc();
    }

    private async Task<BotContext> ContextAsync(User from, long chatId, CancellationToken cancellationToken)
    {
        var name = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var who = new TelegramIdentity(from.Id, chatId, name.Length > 0 ? name : from.Username ?? from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TelegramIdentity.LocaleFrom(from.LanguageCode));
        var user = await registration.FindByTelegramAsync(from.Id, cancellationToken);
        return new BotContext(chatId, who, user, replies, cancellationToken);
    }

    /// <summary>For replies that name what the user typed.</summary>
    public static string Quote(string text) => Escape(Trim(text, 64));
}
