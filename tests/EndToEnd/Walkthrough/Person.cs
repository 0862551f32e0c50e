using System.Text.Json.Nodes;
using Repitbot.TelegramStub;
using Repitbot.TelegramStub.State;

namespace Repitbot.EndToEnd.Walkthrough;

/// <summary>
/// One Telegram user talking to the bot through the stand-in: writes, presses buttons on the bot's messages
/// and waits for the answer, noting each action in the transcript.
/// </summary>
public sealed class Person(TelegramStubServer telegram, Transcript transcript, string name, long chat, string email, Reader reader)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public string Name => name;

    public long Chat => chat;

    public string Email => email;

    public Reader Reader => reader;

    /// <summary>
    /// The first call after the person chose their language with /lang: before it the bot rightly spoke Russian
    /// (the stand-in's users have no Telegram language, and the bot's default is Russian).
    /// </summary>
    public long LanguageChosenAt { get; set; }

    public Reader ReaderOf(RecordedCall call) => call.Sequence < LanguageChosenAt ? Reader.Russian : reader;

    /// <summary>The person writes; returns the bot's first answer that <paramref name="isAnswer"/> accepts (any by default).</summary>
    public async Task<RecordedCall> SayAsync(string text, Func<RecordedCall, bool>? isAnswer = null, string method = "sendMessage")
    {
        var after = LastSequence();
        transcript.Did(name, text);
        telegram.UserSendsText(chat, text, firstName: name);
        return await AnswerAsync(after, method, text, isAnswer);
    }

    /// <summary>The person presses the button with <paramref name="data"/> on the bot's latest message that has it.</summary>
    public async Task<RecordedCall> PressAsync(string data, string method = "sendMessage", Func<RecordedCall, bool>? isAnswer = null)
    {
        var after = LastSequence();
        var (message, label) = MessageWithButton(data);
        transcript.Did(name, $"[{label}]");
        telegram.UserPressesButton(chat, message, data);
        return await AnswerAsync(after, method, data, isAnswer);
    }

    /// <summary>Waits until a message the bot or the notification service sent here contains <paramref name="text"/>.</summary>
    public async Task<RecordedCall> ReceivesAsync(string text)
    {
        RecordedCall? found = null;
        var ok = await Eventually.Async(() =>
        {
            found = telegram.Calls(chatId: chat).FirstOrDefault(c => c.Status == 200 && Visible(c).Contains(text, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        }, Patience);
        Assert.True(ok, $"{name} never received a Telegram message with «{text}»; the chat:\n{ChatLog()}");
        return found!;
    }

    /// <summary>What a person sees of a call: the text or caption with the HTML taken out, and the buttons' labels.</summary>
    public static string Visible(RecordedCall call)
    {
        var text = call.Parameters["text"] ?? call.Parameters["caption"];
        var visible = text is JsonValue value ? TelegramHtml.ToPlain(value.GetValue<string>()) : "";
        var buttons = Buttons(call.Parameters["reply_markup"]).ToList();
        return buttons.Count == 0 ? visible : visible + "\n" + string.Join("  ", buttons.Select(b => $"[{b.Label}]"));
    }

    private string ChatLog() => string.Join('\n', telegram.Calls(chatId: chat).Select(c => $"{c.Method} {c.Status} {Visible(c)}"));

    private async Task<RecordedCall> AnswerAsync(long after, string method, string what, Func<RecordedCall, bool>? isAnswer)
    {
        RecordedCall? answer = null;
        var ok = await Eventually.Async(() =>
        {
            answer = telegram.Calls(method, chat).FirstOrDefault(c => c.Sequence > after && c.Status == 200 && (isAnswer?.Invoke(c) ?? true));
            return Task.FromResult(answer is not null);
        }, Patience);
        Assert.True(ok, $"no {method} to {name} after «{what}» within {Patience}; the chat:\n{ChatLog()}");
        return answer!;
    }

    private long LastSequence() => telegram.Calls().Select(c => c.Sequence).DefaultIfEmpty(0).Max();

    private (int Message, string Label) MessageWithButton(string data)
    {
        var bot = telegram.State.Find(telegram.Token)!;
        lock (bot.Sync)
        {
            var found = bot.Chats[chat].Messages.Values
                .Select(m => (Id: m["message_id"]!.GetValue<int>(), Button: Buttons(m["reply_markup"]).FirstOrDefault(b => b.Data == data)))
                .Where(m => m.Button.Data is not null)
                .OrderBy(m => m.Id)
                .ToList();
            Assert.True(found.Count > 0, $"no message to {name} has a button '{data}'");
            return (found[^1].Id, found[^1].Button.Label);
        }
    }

    private static IEnumerable<(string Label, string Data)> Buttons(JsonNode? markup)
    {
        var parsed = markup is JsonValue text ? JsonNode.Parse(text.GetValue<string>()) : markup;
        return parsed?["inline_keyboard"] is JsonArray rows
            ? rows.SelectMany(row => row!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]?.GetValue<string>() ?? ""))
            : [];
    }
}
