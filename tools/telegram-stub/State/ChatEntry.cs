using System.Text.Json.Nodes;

namespace Repitbot.TelegramStub.State;

/// <summary>A chat the bot may write to, with the messages it holds (for edits and deletes).</summary>
public sealed class ChatEntry
{
    public required long Id { get; init; }
    public string Type { get; init; } = "private";
    public string? Title { get; init; }
    public string FirstName { get; init; } = "Test";
    public string? Username { get; init; }
    public bool Blocked { get; set; }
    public int LastMessageId { get; set; }
    public Dictionary<int, JsonObject> Messages { get; } = [];

    public JsonObject ToJson()
    {
        var chat = new JsonObject { ["id"] = Id, ["type"] = Type };
        if (Type == "private")
        {
            chat["first_name"] = FirstName;
        }
        else
        {
            chat["title"] = Title ?? FirstName;
        }

        if (Username is not null)
        {
            chat["username"] = Username;
        }

        return chat;
    }

    /// <summary>The user behind a private chat (same id, as in Telegram).</summary>
    public JsonObject UserJson()
    {
        var user = new JsonObject { ["id"] = Id, ["is_bot"] = false, ["first_name"] = FirstName, ["language_code"] = "ru" };
        if (Username is not null)
        {
            user["username"] = Username;
        }

        return user;
    }
}
