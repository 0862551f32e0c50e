using System.Text.Json;
using System.Text.RegularExpressions;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>/level and /scale through the Telegram stand-in, read as a Russian tutor and their student would.</summary>
public sealed partial class BotStudyLevelTests(BotFactory bot) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task A_tutor_sets_a_level_by_command_and_by_button_and_the_student_sees_it()
    {
        var (tutor, student) = (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        var name = "Аня" + Guid.NewGuid().ToString("N")[..6];
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        var tutorId = await bot.UserIdAsync(tutor);
        bot.Track(tutorId);
        var invite = await bot.SayAsync(tutor, "/invite");
        await bot.SayAsync(student, "/start " + InviteCode().Match(invite).Groups["code"].Value, name);
        var studentId = await bot.UserIdAsync(student);

        var before = await bot.SayAsync(student, "/level");
        // "В1" typed with a Cyrillic В, as a Russian keyboard gives it.
        var typed = await bot.SayAsync(tutor, $"/level {name} В1");
        var card = await bot.SayAsync(tutor, $"/level {name}");
        var buttons = bot.LastButtons(tutor);
        var pressed = await bot.PressAsync(tutor, $"lvs:{studentId:N}:3");
        var again = await bot.SayAsync(tutor, $"/level 1 b2");
        var wrong = await bot.SayAsync(tutor, $"/level {name} Z9");
        var list = await bot.SayAsync(tutor, "/students");
        var seen = await bot.SayAsync(student, "/level");

        Assert.Equal("🎓 Репетитор пока не указал ваш уровень.", before);
        Assert.Equal($"✅ Уровень сохранён\nУченик: {name}\nУровень: B1\nБыл: не указан", typed);
        Assert.StartsWith($"🎓 {name} — уровень B1 (с ", card, StringComparison.Ordinal);
        Assert.Contains(": не указан → B1", card, StringComparison.Ordinal);
        Assert.Contains("Нажмите новый уровень или отправьте /level 1 <уровень>.", card, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"lvs:{studentId:N}:{i}"), buttons);
        Assert.Equal($"✅ Уровень сохранён\nУченик: {name}\nУровень: B2\nБыл: B1", pressed);
        Assert.Equal($"ℹ️ Без изменений: {name} уже на уровне B2.", again);
        Assert.Equal($"❌ Уровня «Z9» нет в вашей шкале. Уровни: A1, A2, B1, B2, C1, C2.\nНапример: /level {name} B2", wrong);
        Assert.Contains($"1. {name} — B2", list, StringComparison.Ordinal);
        Assert.StartsWith("🎓 Ваш уровень: B2 (с ", seen, StringComparison.Ordinal);

        var events = (await OutboxRow.ForTutorAsync(bot.Database, tutorId))
            .Where(e => e.MessageType == "Repitbot.Contracts.StudentLevelChanged").ToList();
        Assert.Equal([(null, "B1"), ("B1", "B2")], events.Select(e =>
        {
            using var body = JsonDocument.Parse(e.Body);
            return (body.RootElement.GetProperty("previousLevel").GetString(), body.RootElement.GetProperty("level").GetString());
        }));
    }

    [Fact]
    public async Task A_parent_sees_their_childs_level_in_their_own_language()
    {
        var (tutor, student, parent, childless) =
            (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        var name = "Миша" + Guid.NewGuid().ToString("N")[..6];
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));
        await bot.SayAsync(student, "/start " + InviteCode().Match(await bot.SayAsync(tutor, "/invite")).Groups["code"].Value, name);
        var parentInvite = await bot.SayAsync(tutor, $"/invite parent {name}");
        var joined = await bot.SayAsync(parent, "/start " + InviteCode().Match(parentInvite).Groups["code"].Value, "Ирина");

        var before = await bot.SayAsync(parent, "/level");
        await bot.SayAsync(tutor, $"/level {name} A2");
        var set = await bot.SayAsync(parent, "/level");
        await bot.SayAsync(parent, "/lang en");
        var english = await bot.SayAsync(parent, "/level");
        await bot.SayAsync(childless, "/start", "Пётр");
        await bot.PressAsync(childless, "role:parent");
        bot.Track(await bot.UserIdAsync(childless));
        var none = await bot.SayAsync(childless, "/level");

        Assert.Contains("/level — уровень ребёнка", joined, StringComparison.Ordinal);
        Assert.Equal($"🎓 {name} — репетитор пока не указал уровень.", before);
        Assert.Matches($@"^🎓 {name} — уровень A2 \(с \d\d\.\d\d\.\d{{4}}\)\.$", set);
        Assert.Matches($@"^🎓 {name}: level A2 \(since \d\d\.\d\d\.\d{{4}}\)\.$", english);
        Assert.Equal("🎓 К вам пока не привязан ни один ученик. Попросите у репетитора ссылку-приглашение для родителя.", none);
    }

    [Fact]
    public async Task A_tutor_defines_their_own_scale_and_bad_scales_get_the_right_form()
    {
        var tutor = BotFactory.NewTelegramUserId();
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));

        var shown = await bot.SayAsync(tutor, "/scale");
        var saved = await bot.SayAsync(tutor, "/scale Начальный,  Средний , Продвинутый");
        var bad = await bot.SayAsync(tutor, "/scale Один");
        var back = await bot.SayAsync(tutor, "/scale cefr");
        await bot.SayAsync(tutor, "/lang en");
        var english = await bot.SayAsync(tutor, "/scale Один");
        var noStudent = await bot.SayAsync(tutor, "/level Никто B1");

        Assert.StartsWith("Шкала уровней: A1, A2, B1, B2, C1, C2.", shown, StringComparison.Ordinal);
        Assert.Equal("✅ Шкала уровней сохранена: Начальный, Средний, Продвинутый.", saved);
        Assert.StartsWith("❌ Шкала не сохранена: нужно от 2 до 20 разных названий", bad, StringComparison.Ordinal);
        Assert.Equal("✅ Шкала уровней: CEFR (A1, A2, B1, B2, C1, C2).", back);
        Assert.StartsWith("❌ Scale not saved: give 2 to 20 different names", english, StringComparison.Ordinal);
        Assert.Equal("❌ No student matches “Никто”. See /students", noStudent);
    }

    [GeneratedRegex(@"start=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();
}
