using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>The bot driven through real updates via the Telegram stand-in, which records every call it gets.</summary>
public sealed partial class BotScenarioTests(BotFactory bot) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task A_tutor_registers_invites_a_student_schedules_and_completes_a_lesson_and_records_a_payment()
    {
        var (tutor, student, stranger) = (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        var studentName = "Аня" + Guid.NewGuid().ToString("N")[..6];

        var welcome = await bot.SayAsync(tutor, "/start tutor", "Ольга");
        var tutorId = await bot.UserIdAsync(tutor);
        bot.Track(tutorId);
        var invite = await bot.SayAsync(tutor, "/invite");
        var code = InviteCode().Match(invite).Groups["code"].Value;
        var joined = await bot.SayAsync(student, "/start " + code, studentName);
        var reused = await bot.SayAsync(stranger, "/start " + code, "Чужой");
        var students = await bot.SayAsync(tutor, "/students");
        var scheduled = await bot.SayAsync(tutor, $"/schedule {studentName} 25.11.2030 18:00 60 2000");
        var lessons = await bot.SayAsync(tutor, "/lessons");
        var lessonButton = Assert.Single(bot.LastButtons(tutor));
        await bot.PressAsync(tutor, lessonButton);
        var done = await bot.PressAsync(tutor, lessonButton.Replace("les:", "done:", StringComparison.Ordinal));
        var paid = await bot.SayAsync(tutor, $"/pay {studentName} 8000 перевод 4");

        Assert.Contains("репетитор", welcome, StringComparison.Ordinal);
        Assert.Contains("https://t.me/repitbot_stub_bot?start=", invite, StringComparison.Ordinal);
        Assert.Contains("подключены к репетитору Ольга", joined, StringComparison.Ordinal);
        Assert.Contains("уже использовано", reused, StringComparison.Ordinal);
        Assert.Contains("1. " + studentName, students, StringComparison.Ordinal);
        Assert.Contains($"Ученик: {studentName}\nКогда: 25.11.2030 18:00 (Europe/Moscow)\nДлительность: 60 мин\nЦена: 2\u00A0000,00\u00A0₽", scheduled, StringComparison.Ordinal);
        Assert.Contains("25.11.2030 18:00", lessons, StringComparison.Ordinal);
        Assert.Contains($"Урок проведён\nУченик: {studentName}\nМинут: 60", done, StringComparison.Ordinal);
        Assert.Contains($"Оплата записана\nУченик: {studentName}\nСумма: 8\u00A0000,00\u00A0₽\nСпособ: перевод\nУроков: 4", paid, StringComparison.Ordinal);

        var events = await OutboxRow.ForTutorAsync(bot.Database, tutorId);
        Assert.Equal(["UserRegistered", "UserRegistered", "StudentLinked", "LessonScheduled", "LessonCompleted", "PaymentReceived"],
            events.Select(e => e.MessageType.Replace("Repitbot.Contracts.", "", StringComparison.Ordinal)));
        using var lesson = JsonDocument.Parse(events[3].Body);
        Assert.Equal(DateTimeOffset.Parse("2030-11-25T15:00:00Z"), lesson.RootElement.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(200000, lesson.RootElement.GetProperty("priceMinor").GetInt64());
        using var payment = JsonDocument.Parse(events[5].Body);
        Assert.Equal((800000, "Transfer"), (payment.RootElement.GetProperty("amountMinor").GetInt64(), payment.RootElement.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task Malformed_commands_show_the_right_form_and_unknown_commands_the_help_in_the_users_language()
    {
        var tutor = BotFactory.NewTelegramUserId();
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));

        var malformed = await bot.SayAsync(tutor, "/schedule Аня завтра");
        var badPayment = await bot.SayAsync(tutor, "/pay Аня много");
        var unknown = await bot.SayAsync(tutor, "/dance");
        await bot.SayAsync(tutor, "/lang en");
        var english = await bot.SayAsync(tutor, "/done");

        Assert.Contains("Неверный формат", malformed, StringComparison.Ordinal);
        Assert.Contains("/schedule <ученик> <ДД.ММ> <ЧЧ:ММ> <минуты> [цена]", malformed, StringComparison.Ordinal);
        Assert.Contains("/pay <ученик> <сумма>", badPayment, StringComparison.Ordinal);
        Assert.Contains("Неизвестная команда /dance", unknown, StringComparison.Ordinal);
        Assert.Contains("/invite", unknown, StringComparison.Ordinal);
        Assert.Contains("Wrong format. Use:\n/done <#>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_resent_by_Telegram_is_processed_once()
    {
        var tutor = BotFactory.NewTelegramUserId();
        var update = bot.Stub.UserSendsText(tutor, "/start tutor", "Ольга");

        var first = await bot.DeliverAsync(update);
        var again = await bot.DeliverAsync(update);
        bot.Track(await bot.UserIdAsync(tutor));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Single(bot.Stub.Calls("sendMessage", tutor));
        using var service = bot.ClientWithToken(bot.Tokens.Factory.Create("api-gateway", Repitbot.Hosting.Auth.Roles.Service, TimeSpan.FromMinutes(1)));
        var found = await service.GetFromJsonAsync<JsonElement>($"/api/v1/users/by-telegram/{tutor}");
        Assert.Equal((await bot.UserIdAsync(tutor), "tutor"), (found.GetProperty("id").GetGuid(), found.GetProperty("role").GetString()));
        Assert.Single(await OutboxRow.ForTutorAsync(bot.Database, await bot.UserIdAsync(tutor)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task The_webhook_refuses_updates_without_the_right_secret(string? secret)
    {
        var user = BotFactory.NewTelegramUserId();

        var response = await bot.DeliverAsync(bot.Stub.UserSendsText(user, "/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Problem.ReadAsync(response);
        Assert.Empty(bot.Stub.Calls("sendMessage", user));
    }

    [Fact]
    public async Task Analytics_offers_areas_then_periods_and_says_so_when_the_service_cannot_be_asked()
    {
        var (tutor, stranger) = (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));

        await bot.SayAsync(tutor, "/analytics");
        var areas = bot.LastButtons(tutor);
        await bot.PressAsync(tutor, "an:payments");
        var periods = bot.LastButtons(tutor);
        var chart = await bot.PressAsync(tutor, "ap:payments:30");
        // A long PDF goes through a report job; with analytics out of reach its progress message turns into the error.
        await bot.DeliverAsync(bot.Stub.UserPressesButton(tutor, bot.LastMessageId(tutor), "pdf:homework:90"));
        var progressId = bot.LastMessageId(tutor);
        var pdfProgress = bot.Stub.Calls("sendMessage", tutor)[^1].Parameters["text"]!.GetValue<string>();
        var pdfEdit = bot.Stub.Calls("editMessageText", tutor)[^1].Parameters;
        var notifications = await bot.SayAsync(tutor, "/notifications");
        var strangerPress = await bot.SayAsync(stranger, "/analytics");

        Assert.Equal(["an:lessons", "an:payments", "an:students", "an:homework", "an:materials"], areas);
        Assert.Equal(["ap:payments:7", "ap:payments:30", "ap:payments:90"], periods);
        Assert.Contains("Сервис временно недоступен", chart, StringComparison.Ordinal);
        Assert.Contains("Сервис временно недоступен", notifications, StringComparison.Ordinal);
        Assert.Contains("Готовлю отчёт", pdfProgress, StringComparison.Ordinal);
        Assert.Equal(progressId.ToString(System.Globalization.CultureInfo.InvariantCulture), pdfEdit["message_id"]!.ToString());
        Assert.Contains("Сервис временно недоступен", pdfEdit["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/start", strangerPress, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\?start=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();
}
