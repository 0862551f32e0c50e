using System.Text.Json.Nodes;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Updates;

/// <summary>Turns what a simulated user does into Updates with increasing update_id, queued for getUpdates or the webhook.</summary>
public static class UserSimulator
{
    public static JsonObject SendText(BotState bot, SimulatedUser user, string text, bool duplicate = false)
    {
        lock (bot.Sync)
        {
            var message = UserMessage(bot, user);
            message["text"] = text;
            // Commands at the start of a message carry a bot_command entity, as Telegram adds them.
            if (text.StartsWith('/'))
            {
                var end = text.IndexOfAny([' ', '\n']);
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command" });
            }

            return Enqueue(bot, "message", message, duplicate);
        }
    }

    public static JsonObject SendDocument(BotState bot, SimulatedUser user, string fileName, string mimeType, byte[] content, string? caption = null)
    {
        lock (bot.Sync)
        {
            var file = bot.AddFile("documents", content, fileName, mimeType, Path.GetExtension(fileName));
            var message = UserMessage(bot, user);
            message["document"] = Methods.SendMethods.DocumentJson(file);
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            return Enqueue(bot, "message", message, duplicate: false);
        }
    }

    /// <summary>A press on an inline button of a message the bot sent to the user's chat.</summary>
    public static JsonObject PressButton(BotState bot, SimulatedUser user, int messageId, string data)
    {
        lock (bot.Sync)
        {
            var chat = bot.GetOrAddChat(user.Id, user.FirstName, user.Username);
            var id = $"{user.Id}{bot.NextUpdateId()}";
            bot.OpenCallbackQueries.Add(id);
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = chat.UserJson(),
                ["chat_instance"] = $"{bot.BotId}{user.Id}",
                ["data"] = data,
            };
            if (chat.Messages.TryGetValue(messageId, out var message))
            {
                query["message"] = message.DeepClone();
            }

            return Enqueue(bot, "callback_query", query, duplicate: false);
        }
    }

    private static JsonObject UserMessage(BotState bot, SimulatedUser user)
    {
        var chat = bot.GetOrAddChat(user.Id, user.FirstName, user.Username);
        return new JsonObject
        {
            ["message_id"] = ++chat.LastMessageId,
            ["from"] = chat.UserJson(),
            ["chat"] = chat.ToJson(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
    }

    private static JsonObject Enqueue(BotState bot, string kind, JsonObject payload, bool duplicate)
    {
        var update = new JsonObject { ["update_id"] = bot.NextUpdateId(), [kind] = payload };
        bot.Enqueue(update);
        if (duplicate)
        {
            bot.Enqueue((JsonObject)update.DeepClone());
        }

        return (JsonObject)update.DeepClone();
    }
}

/// <summary>A Telegram user; their private chat with the bot has the same id.</summary>
public sealed record SimulatedUser(long Id, string FirstName = "Test", string? Username = null);
