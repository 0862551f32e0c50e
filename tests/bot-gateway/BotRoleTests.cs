using System.Text.Json;
using System.Text.RegularExpressions;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>/start asks who the person is; the bot speaks to each role as that role.</summary>
public sealed partial class BotRoleTests(BotFactory bot) : IClassFixture<BotFactory>
{
    [Theory]
    [InlineData("role:student", "Student", "Вы зарегистрированы как ученик")]
    [InlineData("role:parent", "Parent", "Вы зарегистрированы как родитель")]
    [InlineData("role:tutor", "Tutor", "Вы зарегистрированы как репетитор")]
    public async Task Start_asks_who_you_are_and_the_choice_is_the_role_the_registration_event_carries(string button, string role, string welcome)
    {
        var person = BotFactory.NewTelegramUserId();

        var question = await bot.SayAsync(person, "/start", "Пётр");
        var buttons = bot.LastButtons(person);
        var answer = await bot.PressAsync(person, button);
        var userId = await bot.UserIdAsync(person);
        bot.Track(userId);

        Assert.Contains("Кто вы?", question, StringComparison.Ordinal);
        Assert.Equal(["role:tutor", "role:student", "role:parent"], buttons);
        Assert.Contains(welcome, answer, StringComparison.Ordinal);
        // Removing the row keeps another bot gateway's relay from publishing it (a student's names no tutor to track).
        await using var command = bot.Database.CreateCommand("""
            DELETE FROM bot_gateway.outbox_messages WHERE message_type LIKE '%UserRegistered' AND (body->>'userId')::uuid = $1
            RETURNING body::text
            """);
        command.Parameters.AddWithValue(userId);
        using var registered = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        Assert.Equal(role, registered.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_lesson_scheduled_at_a_time_already_gone_is_recorded_with_a_warning()
    {
        var (tutor, student) = (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        var name = "Пётр" + Guid.NewGuid().ToString("N")[..6];
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));
        var code = InviteCode().Match(await bot.SayAsync(tutor, "/invite")).Groups["code"].Value;
        await bot.SayAsync(student, "/start " + code, name);

        var past = await bot.SayAsync(tutor, $"/schedule {name} 01.03.2020 18:00 60");
        var future = await bot.SayAsync(tutor, $"/schedule {name} 25.11.2030 18:00 60");

        Assert.Contains("Урок запланирован", past, StringComparison.Ordinal);
        Assert.Contains("⚠️ Это время уже прошло", past, StringComparison.Ordinal);
        Assert.Contains("Урок запланирован", future, StringComparison.Ordinal);
        Assert.DoesNotContain("⚠️", future, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"start=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();
}
