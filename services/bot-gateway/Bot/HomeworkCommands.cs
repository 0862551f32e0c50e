using System.Globalization;
using Repitbot.BotGateway.Homework;
using Repitbot.BotGateway.UseCases;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>Tutors assign with /homework &lt;student&gt; &lt;task&gt;; students list theirs with /homework and hand in.</summary>
public sealed class HomeworkCommands(BotDirectory directory, HomeworkUseCases homework)
{
    public async Task AssignAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length < 2)
        {
            await ctx.ShowFormAsync("form_homework");
            return;
        }

        var (student, error) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
        if (student is null)
        {
            await ctx.ReplyKeyAsync(error!, Escape(words[0]));
            return;
        }

        var title = args.Trim()[words[0].Length..].Trim();
        var outcome = await homework.AssignAsync(ctx.User.Id, new AssignHomeworkRequest
        {
            HomeworkId = Guid.NewGuid(), StudentId = student.Id, Title = title,
        }, ctx.CancellationToken);
        await (outcome.Failure is { } failure
            ? ctx.ReplyFailureAsync(failure)
            : ctx.ReplyKeyAsync("assigned", Escape(student.Name), Escape(outcome.Event!.Title)));
    }

    public async Task ListAsync(BotContext ctx, string args)
    {
        var open = await directory.OpenHomeworkAsync(ctx.User!.Id, ctx.CancellationToken);
        if (open.Count == 0)
        {
            await ctx.ReplyKeyAsync("no_homework");
            return;
        }

        var lines = open.Select((h, i) => $"{i + 1}. {Escape(h.Title)}" + (h.DueAt is { } due ? $" (⏰ {CompactForm.Format(due, ctx.TimeZone)})" : ""));
        var buttons = open.Take(20).Select((h, i) => new[]
        {
            InlineKeyboardButton.WithCallbackData($"{ctx.T("btn_submit")} {i + 1}", $"hw:{h.Id:N}"),
        });
        await ctx.ReplyAsync(ctx.T("homework_list") + "\n" + string.Join("\n", lines), new InlineKeyboardMarkup(buttons));
    }

    /// <summary>/submit N from the student's list.</summary>
    public async Task SubmitNumberAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length != 1 || !int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            await ctx.ShowFormAsync("form_submit");
            return;
        }

        var open = await directory.OpenHomeworkAsync(ctx.User!.Id, ctx.CancellationToken);
        if (number < 1 || number > open.Count)
        {
            await ctx.ReplyKeyAsync("homework_unknown", number);
            return;
        }

        await SubmitAsync(ctx, open[number - 1].Id);
    }

    public async Task SubmitAsync(BotContext ctx, Guid homeworkId)
    {
        var outcome = await homework.SubmitAsync(Caller.Student(ctx.User!.Id), new SubmitHomeworkRequest { HomeworkId = homeworkId },
            ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        await ctx.ReplyKeyAsync("submitted", Escape(await directory.HomeworkTitleAsync(homeworkId, ctx.CancellationToken)));
    }
}
