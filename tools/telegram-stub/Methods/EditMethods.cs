using System.Text.Json.Nodes;
using Repitbot.TelegramStub.Api;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Methods;

/// <summary>editMessageText, editMessageReplyMarkup and deleteMessage on messages the bot sent.</summary>
public static class EditMethods
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    public static JsonNode EditMessageText(MethodContext call)
    {
        var (chat, message) = Find(call, "message to edit not found");
        if (message["text"] is null)
        {
            throw BotApiException.BadRequest("there is no text in the message to edit");
        }

        var formatted = Messaging.Format(call, "text", "entities", required: true);
        var markup = call.Parameters.Json("reply_markup");
        if (message["text"]!.GetValue<string>() == formatted.Text
            && JsonNode.DeepEquals(message["entities"], formatted.Entities)
            && JsonNode.DeepEquals(message["reply_markup"], markup))
        {
            throw BotApiException.BadRequest(NotModified);
        }

        Messaging.Admit(call, chat);
        Messaging.SetText(message, "text", "entities", formatted);
        SetMarkup(message, markup);
        message["edit_date"] = call.Now.ToUnixTimeSeconds();
        call.Bot.Counters.Sent++;
        return message.DeepClone();
    }

    public static JsonNode EditMessageReplyMarkup(MethodContext call)
    {
        var (chat, message) = Find(call, "message to edit not found");
        var markup = call.Parameters.Json("reply_markup");
        if (JsonNode.DeepEquals(message["reply_markup"], markup))
        {
            throw BotApiException.BadRequest(NotModified);
        }

        Messaging.Admit(call, chat);
        SetMarkup(message, markup);
        message["edit_date"] = call.Now.ToUnixTimeSeconds();
        call.Bot.Counters.Sent++;
        return message.DeepClone();
    }

    public static JsonNode DeleteMessage(MethodContext call)
    {
        var (chat, message) = Find(call, "message to delete not found");
        chat.Messages.Remove((int)message["message_id"]!);
        return true;
    }

    private static (ChatEntry Chat, JsonObject Message) Find(MethodContext call, string notFound)
    {
        if (call.Parameters.Text("inline_message_id") is not null)
        {
            throw BotApiException.BadRequest("MESSAGE_ID_INVALID");
        }

        var chat = Messaging.Chat(call);
        var id = call.Parameters.Number("message_id") ?? throw BotApiException.BadRequest("message identifier is not specified");
        return chat.Messages.TryGetValue(id, out var message) ? (chat, message) : throw BotApiException.BadRequest(notFound);
    }

    private static void SetMarkup(JsonObject message, JsonNode? markup)
    {
        message.Remove("reply_markup");
        if (markup is JsonObject { } keyboard && keyboard["inline_keyboard"] is JsonArray { Count: > 0 })
        {
            message["reply_markup"] = keyboard.DeepClone();
        }
    }
}
