using System.Text.Json.Nodes;

namespace Repitbot.TelegramStub.Methods;

/// <summary>The Bot API methods the stub answers; names are matched case-insensitively, as by the real API.</summary>
public static class MethodTable
{
    private static readonly Dictionary<string, Func<MethodContext, JsonNode>> Locked = new(StringComparer.OrdinalIgnoreCase)
    {
        ["getMe"] = BotMethods.GetMe,
        ["sendMessage"] = SendMethods.SendMessage,
        ["sendPhoto"] = SendMethods.SendPhoto,
        ["sendDocument"] = SendMethods.SendDocument,
        ["sendChatAction"] = SendMethods.SendChatAction,
        ["editMessageText"] = EditMethods.EditMessageText,
        ["editMessageReplyMarkup"] = EditMethods.EditMessageReplyMarkup,
        ["deleteMessage"] = EditMethods.DeleteMessage,
        ["answerCallbackQuery"] = BotMethods.AnswerCallbackQuery,
        ["setMyCommands"] = BotMethods.SetMyCommands,
        ["getMyCommands"] = BotMethods.GetMyCommands,
        ["getFile"] = BotMethods.GetFile,
        ["setWebhook"] = UpdateMethods.SetWebhook,
        ["deleteWebhook"] = UpdateMethods.DeleteWebhook,
        ["getWebhookInfo"] = UpdateMethods.GetWebhookInfo,
    };

    /// <summary>Canonical method name, or null when the API does not know it (404).</summary>
    public static string? Canonical(string method) =>
        string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase) ? "getUpdates"
        : Locked.Keys.FirstOrDefault(k => string.Equals(k, method, StringComparison.OrdinalIgnoreCase));

    public static Task<JsonNode> InvokeAsync(MethodContext call)
    {
        if (call.Method == "getUpdates")
        {
            return UpdateMethods.GetUpdatesAsync(call);
        }

        lock (call.Bot.Sync)
        {
            return Task.FromResult(Locked[call.Method](call));
        }
    }
}
