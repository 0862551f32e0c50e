using Repitbot.BotGateway.Observability;
using Repitbot.Contracts;
using Telegram.Bot.Types;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>The command table: who may run each command and what runs it. Unknown commands get the help.</summary>
public sealed class BotCommands(PeopleCommands people, LessonCommands lessons, PaymentCommands payments,
    HomeworkCommands homework, MaterialCommands materials, AnalyticsCommands analytics, NotificationCommands notifications,
    LevelCommands levels)
{
    private enum Who { Anyone, Registered, Tutor, Student }

    private Dictionary<string, (Who Who, Func<BotContext, string, Task> Run)>? _table;

    private Dictionary<string, (Who Who, Func<BotContext, string, Task> Run)> Table => _table ??= new(StringComparer.Ordinal)
    {
        ["start"] = (Who.Anyone, people.StartAsync),
        ["help"] = (Who.Anyone, people.HelpAsync),
        ["invite"] = (Who.Tutor, people.InviteAsync),
        ["students"] = (Who.Tutor, people.StudentsAsync),
        ["unlink"] = (Who.Tutor, people.UnlinkAsync),
        ["level"] = (Who.Registered, levels.LevelAsync),
        ["scale"] = (Who.Tutor, levels.ScaleAsync),
        ["schedule"] = (Who.Tutor, lessons.ScheduleAsync),
        ["lessons"] = (Who.Tutor, lessons.ListAsync),
        ["done"] = (Who.Tutor, (ctx, a) => MarkAsync(ctx, a, LessonOutcome.Attended, "done")),
        ["noshow"] = (Who.Tutor, (ctx, a) => MarkAsync(ctx, a, LessonOutcome.NoShow, "noshow")),
        ["move"] = (Who.Tutor, MoveAsync),
        ["cancel"] = (Who.Tutor, CancelAsync),
        ["pay"] = (Who.Tutor, payments.PayAsync),
        ["homework"] = (Who.Registered, (ctx, a) => ctx.IsTutor ? homework.AssignAsync(ctx, a) : homework.ListAsync(ctx, a)),
        ["submit"] = (Who.Student, homework.SubmitNumberAsync),
        ["materials"] = (Who.Student, materials.ListAsync),
        ["analytics"] = (Who.Tutor, analytics.StartAsync),
        ["notifications"] = (Who.Registered, notifications.ShowAsync),
        ["quiet"] = (Who.Registered, notifications.QuietAsync),
        ["profile"] = (Who.Registered, people.ProfileAsync),
        ["name"] = (Who.Registered, (ctx, a) => people.ChangeAsync(ctx, "name", a)),
        ["lang"] = (Who.Registered, (ctx, a) => people.ChangeAsync(ctx, "lang", a)),
        ["tz"] = (Who.Registered, (ctx, a) => people.ChangeAsync(ctx, "tz", a)),
        ["email"] = (Who.Registered, (ctx, a) => people.ChangeAsync(ctx, "email", a)),
    };

    public async Task RunAsync(BotContext ctx, string text)
    {
        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var name = head.Split('@')[0].ToLowerInvariant();
        var args = space < 0 ? "" : text[(space + 1)..];
        if (!Table.TryGetValue(name, out var command))
        {
            BotMetrics.Updates.WithLabels("unknown").Inc();
            await ctx.ReplyAsync(ctx.T("unknown_command", Escape(Trim("/" + head, 64))) + "\n\n" + PeopleCommands.Help(ctx));
            return;
        }

        BotMetrics.Updates.WithLabels("/" + name).Inc();
        if (await RefusedAsync(ctx, command.Who))
        {
            return;
        }

        await command.Run(ctx, args);
    }

    public async Task DocumentAsync(BotContext ctx, Document document, string? caption)
    {
        if (!await RefusedAsync(ctx, Who.Tutor))
        {
            await materials.ShareDocumentAsync(ctx, document, caption);
        }
    }

    private static async Task<bool> RefusedAsync(BotContext ctx, Who who)
    {
        var refusal = who switch
        {
            Who.Registered when ctx.User is null => "not_registered",
            Who.Tutor when ctx.User is null => "not_registered",
            Who.Tutor when !ctx.IsTutor => "tutors_only",
            Who.Student when ctx.User is null => "not_registered",
            Who.Student when ctx.IsTutor => "students_only",
            _ => null,
        };
        if (refusal is not null)
        {
            await ctx.ReplyKeyAsync(refusal);
        }

        return refusal is not null;
    }

    private async Task MarkAsync(BotContext ctx, string args, LessonOutcome outcome, string command)
    {
        var words = CompactForm.Words(args);
        if (words.Length != 1)
        {
            await ctx.ShowFormAsync("form_mark", command);
            return;
        }

        await lessons.MarkAsync(ctx, await lessons.FindAsync(ctx, words[0]), outcome, words[0]);
    }

    private async Task MoveAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length != 3)
        {
            await ctx.ShowFormAsync("form_move");
            return;
        }

        if (await lessons.FindAsync(ctx, words[0]) is not { } lesson)
        {
            await ctx.ReplyKeyAsync("lesson_unknown", Escape(words[0]));
            return;
        }

        await lessons.MoveAsync(ctx, lesson, words[1], words[2]);
    }

    private async Task CancelAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length < 2)
        {
            await ctx.ShowFormAsync("form_cancel");
            return;
        }

        if (await lessons.FindAsync(ctx, words[0]) is not { } lesson)
        {
            await ctx.ReplyKeyAsync("lesson_unknown", Escape(words[0]));
            return;
        }

        await lessons.CancelAsync(ctx, lesson, args.Trim()[words[0].Length..].Trim());
    }
}
