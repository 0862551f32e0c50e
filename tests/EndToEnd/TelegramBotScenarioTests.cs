using System.Text.Json.Nodes;
using Repitbot.EndToEnd.Support;
using Repitbot.TelegramStub.State;

namespace Repitbot.EndToEnd;

/// <summary>
/// A tutor drives the real bot through the Telegram stand-in, and the bot reaches the real analytics and
/// notification services through the gateway with its service token.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class TelegramBotScenarioTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_tutor_gets_the_analytics_chart_as_a_png_the_report_as_a_pdf_and_a_test_notification_by_email()
    {
        var chat = Random.Shared.NextInt64(1_000_000_000, 2_000_000_000);
        var email = $"tutor-{chat}@e2e.repitbot.local";
        await SayAsync(chat, "/start tutor");
        await SayAsync(chat, $"/email {email}");

        await SayAsync(chat, "/analytics");
        await PressAsync(chat, "an:lessons");
        var photo = await PressAsync(chat, "ap:lessons:7", "sendPhoto");
        var pdf = await PressAsync(chat, "pdf:lessons:7", "sendDocument");

        Assert.Equal(PngSignature, Assert.Single(photo.Files).Content.Take(PngSignature.Length));
        Assert.Equal("%PDF-"u8.ToArray(), Assert.Single(pdf.Files).Content.Take(5));
        // The caption is sentences made from analytics' real answer, not its JSON keys.
        Assert.Matches(@"^📊 Уроки за последние 7 дней\nЗапланировано уроков: \d+, проведено: \d+, неявок: \d+, отменено: \d+\.",
            photo.Parameters["caption"]!.GetValue<string>());

        // The notification service learns about the new user from the bot's events, a moment later.
        Assert.True(await Eventually.Async(async () =>
            HasButton((await SayAsync(chat, "/notifications")).Parameters["reply_markup"], "ntest:0"), Patience),
            "/notifications never showed the test button");
        await PressAsync(chat, "ntest:0");
        var mail = Assert.Single(await Mailbox.WaitForAsync(email, Patience));
        Assert.Equal("🧪 Тестовое уведомление", mail.Subject);
        // The stand-in keeps Telegram's one message a second per chat: the bot kept the pace throughout.
        Assert.DoesNotContain(suite.Telegram.Calls(chatId: chat), c => c.Status == 429);
    }

    [Fact]
    public async Task A_long_pdf_shows_progress_edits_then_the_document_and_notification_types_toggle()
    {
        var chat = Random.Shared.NextInt64(2_000_000_000, 3_000_000_000);
        await SayAsync(chat, "/start tutor");
        await SayAsync(chat, "/analytics");
        await PressAsync(chat, "an:homework");
        await PressAsync(chat, "ap:homework:90", "sendPhoto");

        // Homework has no quick report and 90 days is long: the full-report job, followed by one progress message.
        var after = LastSequence();
        var pdf = await PressAsync(chat, "pdf:homework:90", "sendDocument");
        Assert.True(await Eventually.Async(() => Task.FromResult(Edits(chat, after).Any(c => Text(c).Contains("Отчёт готов", StringComparison.Ordinal))),
            Patience), "the progress message never said the report is ready");
        var edits = Edits(chat, after);
        Assert.Single(edits.Select(c => c.Parameters["message_id"]!.ToString()).Distinct());
        Assert.Equal("%PDF-"u8.ToArray(), Assert.Single(pdf.Files).Content.Take(5));
        Assert.All(edits, c => Assert.Matches("Готовлю отчёт… \\d+ %|Отчёт готов", Text(c)));
        Assert.All(edits, c => Assert.Equal(200, c.Status));

        Assert.True(await Eventually.Async(async () =>
            HasButton((await SayAsync(chat, "/notifications")).Parameters["reply_markup"], "ntt:0"), Patience),
            "/notifications never showed the notification types");
        var menu = Markup(await PressAsync(chat, "ntt:3"));
        Assert.Contains("🔕 Напоминание", menu, StringComparison.Ordinal);
        Assert.Contains("🔔 Новый урок", menu, StringComparison.Ordinal);
        Assert.Contains("🔔 Напоминание", Markup(await PressAsync(chat, "ntt:3")), StringComparison.Ordinal);
    }

    private List<RecordedCall> Edits(long chat, long after) =>
        [.. suite.Telegram.Calls("editMessageText", chat).Where(c => c.Sequence > after)];

    private static string Text(RecordedCall call) => call.Parameters["text"]!.GetValue<string>();

    /// <summary>The texts of the buttons on a sent message, one a line (the JSON itself escapes emoji).</summary>
    private static string Markup(RecordedCall call)
    {
        var markup = call.Parameters["reply_markup"] is JsonValue text ? JsonNode.Parse(text.GetValue<string>()) : call.Parameters["reply_markup"];
        return markup?["inline_keyboard"] is JsonArray rows
            ? string.Join('\n', rows.SelectMany(row => row!.AsArray()).Select(b => b!["text"]!.GetValue<string>()))
            : "";
    }

    /// <summary>The user writes; returns the bot's first answer to it.</summary>
    private Task<RecordedCall> SayAsync(long chat, string text)
    {
        var after = LastSequence();
        suite.Telegram.UserSendsText(chat, text, firstName: "Ольга");
        return AnswerAsync(chat, after, "sendMessage", text);
    }

    /// <summary>The user presses the button with <paramref name="data"/> on the bot's latest message that has it.</summary>
    private Task<RecordedCall> PressAsync(long chat, string data, string method = "sendMessage")
    {
        var after = LastSequence();
        suite.Telegram.UserPressesButton(chat, MessageWithButton(chat, data), data);
        return AnswerAsync(chat, after, method, data);
    }

    private async Task<RecordedCall> AnswerAsync(long chat, long after, string method, string what)
    {
        RecordedCall? answer = null;
        var ok = await Eventually.Async(() =>
        {
            answer = suite.Telegram.Calls(method, chat).FirstOrDefault(c => c.Sequence > after && c.Status == 200);
            return Task.FromResult(answer is not null);
        }, Patience);
        var seen = string.Join('\n', suite.Telegram.Calls(chatId: chat).Select(c => $"{c.Method} {c.Status} {c.Parameters.ToJsonString()}"));
        Assert.True(ok, $"no {method} after '{what}' within {Patience}; calls to the chat:\n{seen}\n{suite.OutputOf("bot-gateway")}");
        return answer!;
    }

    private long LastSequence() => suite.Telegram.Calls().Select(c => c.Sequence).DefaultIfEmpty(0).Max();

    private int MessageWithButton(long chat, string data)
    {
        var bot = suite.Telegram.State.Find(suite.Telegram.Token)!;
        lock (bot.Sync)
        {
            var ids = bot.Chats[chat].Messages.Values
                .Where(m => HasButton(m["reply_markup"], data))
                .Select(m => m["message_id"]!.GetValue<int>())
                .ToList();
            Assert.True(ids.Count > 0, $"no message in chat {chat} has a button '{data}'");
            return ids.Max();
        }
    }

    private static bool HasButton(JsonNode? markup, string data) =>
        markup?.ToJsonString().Contains($"\"callback_data\":\"{data}\"", StringComparison.Ordinal) == true;
}
