using Repitbot.BotGateway.Observability;
using Repitbot.Hosting.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Repitbot.BotGateway.Telegram;

/// <summary>
/// Everything the bot says goes through here: HTML parse mode, split or trimmed to the Bot API limits, and
/// counted, each message and edit in its chat's turn (<see cref="ChatPace"/>). A reply that Telegram refuses is
/// logged, not thrown: what the user asked for is already recorded.
/// </summary>
public sealed partial class BotReplies(ITelegramBotClient bot, ChatPace pace, ILogger<BotReplies> logger)
{
    public async Task<Message?> SendAsync(long chatId, string html, InlineKeyboardMarkup? keyboard = null,
        CancellationToken cancellationToken = default)
    {
        var parts = TelegramText.Split(html);
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? keyboard : null;
            last = await CallAsync("sendMessage", chatId, () => bot.SendMessage(chatId, parts[i], ParseMode.Html,
                replyMarkup: markup, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: cancellationToken), cancellationToken);
        }

        return last;
    }

    public Task<Message?> EditAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? keyboard = null,
        CancellationToken cancellationToken = default) =>
        CallAsync("editMessageText", chatId, () => bot.EditMessageText(chatId, messageId, TelegramText.Trim(html, TelegramText.MessageLimit),
            ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken), cancellationToken);

    public Task AnswerCallbackAsync(string callbackQueryId, string? text = null, CancellationToken cancellationToken = default) =>
        CallAsync<bool>("answerCallbackQuery", async () =>
        {
            await bot.AnswerCallbackQuery(callbackQueryId, text is null ? null : TelegramText.Trim(text, 200),
                cancellationToken: cancellationToken);
            return true;
        });

    public Task<Message?> SendPhotoAsync(long chatId, Stream png, string fileName, string captionHtml,
        InlineKeyboardMarkup? keyboard = null, CancellationToken cancellationToken = default) =>
        CallAsync("sendPhoto", chatId, () => bot.SendPhoto(chatId, InputFile.FromStream(png, fileName),
            TelegramText.Trim(captionHtml), ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken), cancellationToken);

    public Task<Message?> SendDocumentAsync(long chatId, InputFile document, string captionHtml,
        CancellationToken cancellationToken = default) =>
        CallAsync("sendDocument", chatId, () => bot.SendDocument(chatId, document, TelegramText.Trim(captionHtml), ParseMode.Html,
            cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A call that counts against the chat's limit: it waits for the chat's turn first.</summary>
    private async Task<T?> CallAsync<T>(string method, long chatId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        return await pace.InTurnAsync(chatId, () => CallAsync(method, call), cancellationToken);
    }

    private async Task<T?> CallAsync<T>(string method, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            BotMetrics.Replies.WithLabels(method, "ok").Inc();
            return result;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException)
        {
            BotMetrics.Replies.WithLabels(method, "error").Inc();
            LogReplyFailed(ex, method);
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused {Method}")]
    private partial void LogReplyFailed(Exception exception, string method);
}
