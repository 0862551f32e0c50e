using System.Text.Json.Nodes;
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
        await SayAsync(chat, "/start");
        await SayAsync(chat, $"/email {email}");

        await SayAsync(chat, "/analytics");
        await PressAsync(chat, "an:lessons");
        var photo = await PressAsync(chat, "ap:lessons:7", "sendPhoto");
        var pdf = await PressAsync(chat, "pdf:lessons:7", "sendDocument");

        Assert.Equal(PngSignature, Assert.Single(photo.Files).Content.Take(PngSignature.Length));
        Assert.Equal("%PDF-"u8.ToArray(), Assert.Single(pdf.Files).Content.Take(5));

        // The notification service learns about the new user from the bot's events, a moment later.
        Assert.True(await Eventually.Async(async () =>
            HasButton((await SayAsync(chat, "/notifications")).Parameters["reply_markup"], "ntest:0"), Patience),
            "/notifications never showed the test button");
        await PressAsync(chat, "ntest:0");
        var mail = Assert.Single(await Mailbox.WaitForAsync(email, Patience));
        Assert.Equal("🧪 Тестовое уведомление", mail.Subject);
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
