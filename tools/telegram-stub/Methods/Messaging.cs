using System.Text.Json.Nodes;
using Repitbot.TelegramStub.Api;
using Repitbot.TelegramStub.State;
using Repitbot.TelegramStub.Text;

namespace Repitbot.TelegramStub.Methods;

/// <summary>What every sending method shares: finding the chat, the rate limits, text formatting, new message objects.</summary>
public static class Messaging
{
    public const int MaxText = 4096;
    public const int MaxCaption = 1024;

    /// <summary>The target chat; the caller holds the bot lock.</summary>
    public static ChatEntry Chat(MethodContext call)
    {
        var p = call.Parameters;
        var raw = p.Text("chat_id");
        if (string.IsNullOrEmpty(raw))
        {
            throw BotApiException.BadRequest("chat_id is empty");
        }

        ChatEntry? chat = raw.StartsWith('@')
            ? call.Bot.Chats.Values.FirstOrDefault(c => string.Equals("@" + c.Username, raw, StringComparison.OrdinalIgnoreCase))
            : long.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var id) ? call.Bot.Chats.GetValueOrDefault(id) : null;
        if (chat is null)
        {
            throw BotApiException.BadRequest("chat not found");
        }

        if (chat.Blocked)
        {
            throw new BotApiException(403, chat.Type == "private" ? "Forbidden: bot was blocked by the user" : "Forbidden: bot was kicked from the group chat");
        }

        return chat;
    }

    /// <summary>Applies the per-bot and per-chat sliding windows; beyond them the API answers 429 with retry_after.</summary>
    public static void Admit(MethodContext call, ChatEntry chat)
    {
        var bot = call.Bot;
        if (!bot.ChatLimiters.TryGetValue(chat.Id, out var perChat))
        {
            perChat = new SlidingWindowLimiter(bot.Options.PerChatLimit, bot.Options.RateWindow);
            bot.ChatLimiters[chat.Id] = perChat;
        }

        var wait = bot.GlobalLimiter.TryAcquire(call.Now) ?? perChat.TryAcquire(call.Now);
        if (wait is { } seconds)
        {
            throw new BotApiException(429, $"Too Many Requests: retry after {seconds}", seconds);
        }

        bot.GlobalLimiter.Record(call.Now);
        perChat.Record(call.Now);
    }

    /// <summary>Text and entities after parse_mode is applied; length counts UTF-16 code units of the result.</summary>
    public static (string Text, JsonArray? Entities) Format(MethodContext call, string field, string entitiesField, bool required)
    {
        var p = call.Parameters;
        var raw = p.Text(field) ?? "";
        var mode = p.Text("parse_mode");
        string text;
        JsonArray? entities;
        if (string.Equals(mode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            (text, entities) = HtmlEntityParser.Parse(raw);
        }
        else
        {
            // Markdown modes are not parsed by the stub: the text passes through unchanged.
            text = raw;
            entities = p.Json(entitiesField) as JsonArray;
        }

        var isCaption = field == "caption";
        if (required && text.Trim().Length == 0)
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        if (text.Length > (isCaption ? MaxCaption : MaxText))
        {
            throw BotApiException.BadRequest(isCaption ? "message caption is too long" : "message is too long");
        }

        return (text, entities is { Count: > 0 } ? entities : null);
    }

    public static JsonObject NewMessage(MethodContext call, ChatEntry chat)
    {
        var message = new JsonObject
        {
            ["message_id"] = ++chat.LastMessageId,
            ["from"] = call.Bot.BotUser(),
            ["chat"] = chat.ToJson(),
            ["date"] = call.Now.ToUnixTimeSeconds(),
        };
        if (call.Parameters.Json("reply_markup") is JsonObject { } markup && markup.ContainsKey("inline_keyboard"))
        {
            message["reply_markup"] = markup;
        }

        return message;
    }

    public static void SetText(JsonObject message, string field, string entitiesField, (string Text, JsonArray? Entities) formatted)
    {
        message[field] = formatted.Text;
        message.Remove(entitiesField);
        if (formatted.Entities is not null)
        {
            message[entitiesField] = formatted.Entities;
        }
    }

    public static JsonObject Store(MethodContext call, ChatEntry chat, JsonObject message)
    {
        chat.Messages[(int)message["message_id"]!] = message;
        call.Bot.Counters.Sent++;
        return (JsonObject)message.DeepClone();
    }
}
