using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Repitbot.TelegramStub.Tests;

public sealed class SendingTests
{
    [Fact]
    public async Task Messages_are_parsed_validated_and_recorded_like_the_bot_api()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(501, "Anna", "anna");

        var me = await bot.GetMe();
        Assert.True(me.IsBot);
        Assert.Equal(123456789, me.Id);

        var first = await bot.SendMessage(501, "<b>Урок</b> в 10:00 &amp; <a href=\"https://x.test/l\">ссылка</a>", ParseMode.Html);
        Assert.Equal("Урок в 10:00 & ссылка", first.Text);
        Assert.Equal(MessageEntityType.Bold, first.Entities![0].Type);
        Assert.Equal((0, 4), (first.Entities[0].Offset, first.Entities[0].Length));
        Assert.Equal("https://x.test/l", first.Entities[1].Url);
        Assert.Equal(me.Id, first.From!.Id);
        Assert.Equal(501, first.Chat.Id);

        var second = await bot.SendMessage("@anna", "plain");
        Assert.True(second.MessageId > first.MessageId);

        // Length counts UTF-16 units after tags are removed: 4096 fits, 4097 does not; an emoji counts twice.
        await bot.SendMessage(501, "<i>" + new string('я', 4096) + "</i>", ParseMode.Html);
        await AssertApiError(400, "Bad Request: message is too long", () => bot.SendMessage(501, new string('я', 4097)));
        await AssertApiError(400, "Bad Request: message is too long", () => bot.SendMessage(501, string.Concat(Enumerable.Repeat("😀", 2049))));
        await AssertApiError(400, "Bad Request: message text is empty", () => bot.SendMessage(501, "<b> </b>", ParseMode.Html));
        await AssertApiError(400, "Bad Request: can't parse entities: Unsupported start tag \"div\" at byte offset 0", () => bot.SendMessage(501, "<div>x</div>", ParseMode.Html));
        await AssertApiError(400, "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"", () => bot.SendMessage(501, "<b>x", ParseMode.Html));
        await AssertApiError(400, "Bad Request: chat not found", () => bot.SendMessage(502, "hi"));

        stub.BlockChat(501);
        await AssertApiError(403, "Forbidden: bot was blocked by the user", () => bot.SendMessage(501, "hi"));

        var calls = stub.Calls("sendMessage", 501);
        Assert.Equal(8, calls.Count);
        Assert.Equal([200, 200, 400, 400, 400, 400, 400, 403], calls.Select(c => c.Status).ToArray());
        Assert.Equal("html", calls[0].Parameters["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(3, stub.Counters().Sent);
    }

    [Fact]
    public async Task Edits_deletes_and_button_presses_follow_the_message_state()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(601);
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Да", "yes"));
        var sent = await bot.SendMessage(601, "Подтвердите урок", replyMarkup: keyboard);
        Assert.Equal("yes", sent.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);

        var update = stub.UserPressesButton(601, sent.MessageId, "yes");
        var updates = await bot.GetUpdates();
        var query = Assert.Single(updates).CallbackQuery!;
        Assert.Equal((long)update["update_id"]!, updates[0].Id);
        Assert.Equal("yes", query.Data);
        Assert.Equal(sent.MessageId, query.Message!.Id);
        await bot.AnswerCallbackQuery(query.Id, "Готово");
        await AssertApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", () => bot.AnswerCallbackQuery(query.Id));

        var edited = await bot.EditMessageText(601, sent.MessageId, "Урок подтверждён");
        Assert.Equal("Урок подтверждён", edited.Text);
        Assert.NotNull(edited.EditDate);
        await AssertApiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            () => bot.EditMessageText(601, sent.MessageId, "Урок подтверждён"));
        await bot.DeleteMessage(601, sent.MessageId);
        await AssertApiError(400, "Bad Request: message to delete not found", () => bot.DeleteMessage(601, sent.MessageId));
        await AssertApiError(400, "Bad Request: message to edit not found", () => bot.EditMessageText(601, sent.MessageId, "x"));

        await bot.SendChatAction(601, ChatAction.Typing);
        await bot.SetMyCommands([new Telegram.Bot.Types.BotCommand("start", "Начать")]);
        Assert.Equal("start", Assert.Single(await bot.GetMyCommands()).Command);
        await AssertApiError(401, "Unauthorized", () => StubClient.For(stub, "42:unknown-token").GetMe());
    }

    internal static async Task<ApiRequestException> AssertApiError(int code, string description, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<ApiRequestException>(call);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(description, e.Message);
        return e;
    }
}
