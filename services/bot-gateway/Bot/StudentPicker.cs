using Telegram.Bot.Types.ReplyMarkups;

namespace Repitbot.BotGateway.Bot;

/// <summary>The first step of a button flow: one button per student, the action name in the callback data.</summary>
public sealed class StudentPicker(BotDirectory directory)
{
    public async Task PickAsync(BotContext ctx, string action)
    {
        var students = await directory.StudentsAsync(ctx.User!.Id, ctx.CancellationToken);
        if (students.Count == 0)
        {
            await ctx.ReplyKeyAsync("no_students");
            return;
        }

        await ctx.ReplyAsync(ctx.T("pick_student"), new InlineKeyboardMarkup(students.Take(30)
            .Select(s => new[] { InlineKeyboardButton.WithCallbackData($"{s.Number}. {s.Name}", $"{action}:{s.Id:N}") })));
    }
}
