using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Telegram;
using Repitbot.Contracts;
using Repitbot.Hosting.Text;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>/schedule, /lessons, /done, /noshow, /move, /cancel — typed forms, and the same through buttons.</summary>
public sealed class LessonCommands(BotDirectory directory, LessonPlanning planning, LessonCompletion completion,
    ConversationStore conversations, StudentPicker picker, TimeProvider clock)
{
    public async Task ScheduleAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length == 0)
        {
            await picker.PickAsync(ctx, "sch");
            return;
        }

        if (words.Length is < 4 or > 5)
        {
            await ctx.ShowFormAsync("form_schedule");
            return;
        }

        var (student, error) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
        if (student is null)
        {
            await ctx.ReplyKeyAsync(error!, Escape(words[0]));
            return;
        }

        await ScheduleForAsync(ctx, student.Id, student.Name, words[1..], "form_schedule");
    }

    /// <summary>The rest of the form once the student is known: date, time, minutes, optional price.</summary>
    public async Task ScheduleForAsync(BotContext ctx, Guid studentId, string studentName, string[] words, string formKey)
    {
        if (words.Length is < 3 or > 4 || !int.TryParse(words[2], out var minutes)
            || (words.Length == 4 && CompactForm.ParseMoney(words[3]) is null))
        {
            await ctx.ShowFormAsync(formKey);
            return;
        }

        if (CompactForm.ParseDateTime(words[0], words[1], ctx.TimeZone, clock.GetUtcNow()) is not { } startsAt)
        {
            await ctx.ReplyAsync(ctx.T("bad_date", Escape($"{words[0]} {words[1]}")) + "\n" + ctx.T("form", ctx.T(formKey)));
            return;
        }

        var price = words.Length == 4 ? CompactForm.ParseMoney(words[3]) : null;
        var outcome = await planning.ScheduleAsync(ctx.User!.Id, new ScheduleLessonRequest
        {
            LessonId = Guid.NewGuid(), StudentId = studentId, StartsAt = startsAt, DurationMinutes = minutes, PriceMinor = price,
        }, ctx.CancellationToken);
        await conversations.ClearAsync(ctx.ChatId, ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var e = outcome.Event!;
        await ctx.ReplyAsync(ctx.T("scheduled", Escape(studentName), CompactForm.Format(e.StartsAt, ctx.TimeZone), Escape(ctx.TimeZone),
            e.DurationMinutes, e.PriceMinor is { } p ? MoneyText.Format(p, e.Currency!, ctx.Locale) : ctx.T("none")) + PastWarning(ctx, e.StartsAt));
    }

    /// <summary>
    /// A lesson at a time already gone is recorded (a tutor may fill in last week), but said plainly: its
    /// reminders will not come, and a mistyped date is noticed while it can still be moved.
    /// </summary>
    private string PastWarning(BotContext ctx, DateTimeOffset startsAt) =>
        startsAt < clock.GetUtcNow() ? "\n\n" + ctx.T("scheduled_in_past") : "";

    public async Task ListAsync(BotContext ctx, string args)
    {
        var lessons = await directory.ScheduledLessonsAsync(ctx.User!.Id, ctx.CancellationToken);
        if (lessons.Count == 0)
        {
            await ctx.ReplyKeyAsync("no_lessons");
            return;
        }

        var lines = lessons.Select(l => $"{l.Number}. {Escape(l.StudentName)} — {CompactForm.Format(l.StartsAt, ctx.TimeZone)}, {ctx.T("minutes", l.DurationMinutes)}");
        var buttons = lessons.Take(20).Select(l => new[]
        {
            InlineKeyboardButton.WithCallbackData($"{l.Number}. {l.StudentName} {CompactForm.Format(l.StartsAt, ctx.TimeZone)}", $"les:{l.Id:N}"),
        });
        await ctx.ReplyAsync(ctx.T("lessons_list") + "\n" + string.Join("\n", lines), new InlineKeyboardMarkup(buttons));
    }

    public async Task ShowActionsAsync(BotContext ctx, Guid lessonId)
    {
        if (await directory.LessonAsync(ctx.User!.Id, lessonId, ctx.CancellationToken) is not { } lesson)
        {
            await ctx.ReplyKeyAsync("lesson_not_scheduled");
            return;
        }

        var id = lesson.Id.ToString("N");
        await ctx.ReplyAsync(ctx.T("lesson_actions", Describe(ctx, lesson)), new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData(ctx.T("btn_done"), $"done:{id}"), InlineKeyboardButton.WithCallbackData(ctx.T("btn_noshow"), $"noshow:{id}")],
            [InlineKeyboardButton.WithCallbackData(ctx.T("btn_move"), $"move:{id}"), InlineKeyboardButton.WithCallbackData(ctx.T("btn_cancel"), $"cancel:{id}")],
        ]));
    }

    /// <summary>/done N, /noshow N, and the buttons of the same name.</summary>
    public async Task MarkAsync(BotContext ctx, LessonEntry? lesson, LessonOutcome outcome, string? reference)
    {
        if (lesson is null)
        {
            await ctx.ReplyKeyAsync("lesson_unknown", Escape(reference ?? ""));
            return;
        }

        var minutes = outcome == LessonOutcome.Attended ? lesson.DurationMinutes : 0;
        var result = await completion.CompleteAsync(ctx.User!.Id, new LessonCompletedRequest
        {
            LessonId = lesson.Id, StudentId = lesson.StudentId, Outcome = outcome, Minutes = minutes,
        }, ctx.CancellationToken);
        if (result.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        await (outcome == LessonOutcome.Attended
            ? ctx.ReplyKeyAsync("completed", Escape(lesson.StudentName), result.Event!.Minutes)
            : ctx.ReplyKeyAsync("noshow", Escape(lesson.StudentName)));
    }

    public Task<LessonEntry?> FindAsync(BotContext ctx, string reference) =>
        directory.FindLessonAsync(ctx.User!.Id, reference, ctx.CancellationToken);

    public Task<LessonEntry?> FindAsync(BotContext ctx, Guid lessonId) =>
        directory.LessonAsync(ctx.User!.Id, lessonId, ctx.CancellationToken);

    public async Task MoveAsync(BotContext ctx, LessonEntry lesson, string date, string time)
    {
        if (CompactForm.ParseDateTime(date, time, ctx.TimeZone, clock.GetUtcNow()) is not { } startsAt)
        {
            await ctx.ReplyAsync(ctx.T("bad_date", Escape($"{date} {time}")) + "\n" + ctx.T("form", ctx.T("form_newtime")));
            return;
        }

        var outcome = await planning.RescheduleAsync(ctx.User!.Id, new RescheduleLessonRequest { LessonId = lesson.Id, StartsAt = startsAt },
            ctx.CancellationToken);
        await conversations.ClearAsync(ctx.ChatId, ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var e = outcome.Event!;
        await ctx.ReplyAsync(ctx.T("rescheduled", Escape(lesson.StudentName), CompactForm.Format(e.PreviousStartsAt, ctx.TimeZone),
            CompactForm.Format(e.StartsAt, ctx.TimeZone), Escape(ctx.TimeZone), e.DurationMinutes) + PastWarning(ctx, e.StartsAt));
    }

    public async Task CancelAsync(BotContext ctx, LessonEntry lesson, string reason)
    {
        var outcome = await planning.CancelAsync(ctx.User!.Id, new CancelLessonRequest { LessonId = lesson.Id, Reason = reason },
            ctx.CancellationToken);
        await conversations.ClearAsync(ctx.ChatId, ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        await ctx.ReplyKeyAsync("cancelled", Escape(lesson.StudentName), CompactForm.Format(outcome.Event!.StartsAt, ctx.TimeZone),
            Escape(outcome.Event.Reason));
    }

    public static string Describe(BotContext ctx, LessonEntry lesson) =>
        $"{Escape(lesson.StudentName)}, {CompactForm.Format(lesson.StartsAt, ctx.TimeZone)}";
}
