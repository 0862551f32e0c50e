using System.Text;
using System.Text.RegularExpressions;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

public sealed partial class BotStudentScenarioTests(BotFactory bot) : IClassFixture<BotFactory>
{
    [Fact]
    public async Task Buttons_and_a_conversation_reschedule_and_cancel_and_a_student_gets_homework_and_materials()
    {
        var (tutor, student) = (BotFactory.NewTelegramUserId(), BotFactory.NewTelegramUserId());
        var name = "Петя" + Guid.NewGuid().ToString("N")[..6];
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        var tutorId = await bot.UserIdAsync(tutor);
        bot.Track(tutorId);
        var code = InviteCode().Match(await bot.SayAsync(tutor, "/invite")).Groups["code"].Value;
        await bot.SayAsync(student, "/start " + code, name);

        // Scheduling through buttons: pick the student, then type the rest (the step lives in PostgreSQL).
        await bot.SayAsync(tutor, "/schedule");
        var asked = await bot.PressAsync(tutor, Assert.Single(bot.LastButtons(tutor)));
        var scheduled = await bot.SayAsync(tutor, "01.12.2030 10:00 45");
        await bot.SayAsync(tutor, "/lessons");
        var lesson = Assert.Single(bot.LastButtons(tutor));
        await bot.PressAsync(tutor, lesson);
        await bot.PressAsync(tutor, lesson.Replace("les:", "move:", StringComparison.Ordinal));
        var moved = await bot.SayAsync(tutor, "02.12.2030 11:30");
        var cancelled = await bot.SayAsync(tutor, "/cancel 1 заболел");
        var assigned = await bot.SayAsync(tutor, $"/homework {name} Упражнения 1–5 <стр. 12>");
        var shared = await SendDocumentAsync(tutor, "verbs.pdf", $"{name} Неправильные глаголы");
        var homework = await bot.SayAsync(student, "/homework");
        var submitted = await bot.PressAsync(student, Assert.Single(bot.LastButtons(student)));
        var materials = await bot.SayAsync(student, "/materials");
        await bot.PressAsync(student, Assert.Single(bot.LastButtons(student)));
        var tutorsOnly = await bot.SayAsync(student, "/pay 1 100");

        Assert.Contains($"Ученик: {name}. Когда и сколько?", asked, StringComparison.Ordinal);
        Assert.Contains("Когда: 01.12.2030 10:00 (Europe/Moscow)\nДлительность: 45 мин", scheduled, StringComparison.Ordinal);
        Assert.Contains("Было: 01.12.2030 10:00\nСтало: 02.12.2030 11:30 (Europe/Moscow), 45 мин", moved, StringComparison.Ordinal);
        Assert.Contains("Урок отменён", cancelled, StringComparison.Ordinal);
        Assert.Contains("Причина: заболел", cancelled, StringComparison.Ordinal);
        Assert.Contains("Задание: Упражнения 1–5 <стр. 12>", assigned, StringComparison.Ordinal);
        Assert.Contains($"Название: Неправильные глаголы\nДля: {name}", shared, StringComparison.Ordinal);
        Assert.Contains("1. Упражнения 1–5 <стр. 12>", homework, StringComparison.Ordinal);
        Assert.Contains("Задание сдано", submitted, StringComparison.Ordinal);
        Assert.Contains("1. Неправильные глаголы", materials, StringComparison.Ordinal);
        Assert.Contains("только для репетиторов", tutorsOnly, StringComparison.Ordinal);
        var document = Assert.Single(bot.Stub.Calls("sendDocument", student));
        Assert.Equal(200, document.Status);
        Assert.Equal(["LessonScheduled", "LessonRescheduled", "LessonCancelled", "HomeworkAssigned", "MaterialShared", "HomeworkSubmitted", "MaterialViewed"],
            (await OutboxRow.ForTutorAsync(bot.Database, tutorId)).Select(r => r.MessageType.Replace("Repitbot.Contracts.", "", StringComparison.Ordinal))
                .Where(t => t is not ("UserRegistered" or "StudentLinked")));
    }

    private async Task<string> SendDocumentAsync(long userId, string fileName, string caption)
    {
        var before = bot.Stub.Calls("sendMessage", userId).Count;
        var update = bot.Stub.UserSendsDocument(userId, fileName, "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 test"), caption);
        (await bot.DeliverAsync(update)).EnsureSuccessStatusCode();
        return string.Join("\n", bot.Stub.Calls("sendMessage", userId).Skip(before)
            .Select(c => System.Net.WebUtility.HtmlDecode(c.Parameters["text"]!.GetValue<string>())));
    }

    [GeneratedRegex(@"\?start=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();
}
