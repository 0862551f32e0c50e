using System.Text.Json.Nodes;
using Repitbot.TelegramStub.State;
using Repitbot.TelegramStub.Updates;

namespace Repitbot.TelegramStub.Control;

/// <summary>What tests do to the stub: the same operations the /_stub control API offers. A null token means the default bot.</summary>
public class StubControl(StubState state, string defaultToken)
{
    public string Token => defaultToken;

    public StubState State => state;

    private BotState Bot(string? token) => state.Get(token ?? defaultToken);

    /// <summary>Makes a chat known so the bot may write to it (a private chat unless a type is given).</summary>
    public void RegisterChat(long chatId, string firstName = "Test", string? username = null, string type = "private", string? title = null, string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            bot.GetOrAddChat(chatId, firstName, username, type, title);
        }
    }

    /// <summary>A blocked chat answers every send with 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId, bool blocked = true, string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            bot.GetOrAddChat(chatId).Blocked = blocked;
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> ("*" for any), optionally to one chat, fail this way.</summary>
    public void ScriptFault(string method, int status, int count = 1, string? description = null, int? retryAfter = null, long? chatId = null, string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            bot.Faults.Add(new Fault { Method = method, Status = status, Count = count, Description = description, RetryAfter = retryAfter, ChatId = chatId });
        }
    }

    /// <summary>Every call of <paramref name="method"/> ("*" for any), optionally to one chat, fails this way for <paramref name="duration"/>.</summary>
    public void ScriptOutage(string method, int status, TimeSpan duration, string? description = null, int? retryAfter = null, long? chatId = null, string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            bot.Faults.Add(new Fault
            {
                Method = method, Status = status, Until = DateTimeOffset.UtcNow + duration, Description = description, RetryAfter = retryAfter, ChatId = chatId,
            });
        }
    }

    /// <summary>Ends every scripted fault and outage at once (blocked chats stay blocked).</summary>
    public void ClearFaults(string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            bot.Faults.Clear();
        }
    }

    public JsonObject UserSendsText(long userId, string text, string firstName = "Test", string? username = null, bool duplicate = false, string? token = null) =>
        UserSimulator.SendText(Bot(token), new SimulatedUser(userId, firstName, username), text, duplicate);

    public JsonObject UserPressesButton(long userId, int messageId, string data, string? token = null) =>
        UserSimulator.PressButton(Bot(token), new SimulatedUser(userId), messageId, data);

    public JsonObject UserSendsDocument(long userId, string fileName, string mimeType, byte[] content, string? caption = null, string? token = null) =>
        UserSimulator.SendDocument(Bot(token), new SimulatedUser(userId), fileName, mimeType, content, caption);

    /// <summary>Every call the bot made, oldest first, optionally only one method (case-insensitive) and/or one chat.</summary>
    public IReadOnlyList<RecordedCall> Calls(string? method = null, long? chatId = null, string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            return [.. bot.Calls.Where(c => (method is null || string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)) && (chatId is null || c.ChatId == chatId))];
        }
    }

    public CountersSnapshot Counters(string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            return bot.Counters.Snapshot();
        }
    }

    /// <summary>Updates not yet confirmed by getUpdates nor accepted by the webhook.</summary>
    public int PendingUpdateCount(string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            return bot.PendingUpdates.Count;
        }
    }

    /// <summary>True while a getUpdates long poll is waiting for updates.</summary>
    public bool HasWaitingPoll(string? token = null)
    {
        var bot = Bot(token);
        lock (bot.Sync)
        {
            return bot.PendingPoll is not null;
        }
    }

    /// <summary>Forgets chats, messages, files, updates, webhook, faults, calls and counters of every bot.</summary>
    public void Reset() => state.Reset();
}
