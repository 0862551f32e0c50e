using Repitbot.BotGateway.StudyLevels;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// /level and /scale: a tutor sees and sets a student's study level (typed, or from the student's card with
/// one button per level on the scale); a student sees their own level, a parent their children's.
/// </summary>
public sealed class LevelCommands(StudentLevels levels, ChildLevels children, BotDirectory directory, StudentPicker picker)
{
    /// <summary>Callback data: "lvl:&lt;student&gt;" opens the card, "lvs:&lt;student&gt;:&lt;n&gt;" sets the scale's n-th level.</summary>
    public const string CardAction = "lvl";
    private const string SetAction = "lvs";
    private const int HistoryLines = 5;

    public async Task LevelAsync(BotContext ctx, string args)
    {
        if (!ctx.IsTutor)
        {
            await (ctx.IsStudent ? ShowOwnAsync(ctx) : ctx.IsParent ? ShowChildrenAsync(ctx) : ctx.ReplyKeyAsync("tutors_only"));
            return;
        }

        var words = CompactForm.Words(args);
        if (words.Length == 0)
        {
            await picker.PickAsync(ctx, CardAction);
            return;
        }

        var (student, error) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
        if (student is null)
        {
            await ctx.ReplyKeyAsync(error!, Escape(words[0]));
            return;
        }

        if (words.Length == 1)
        {
            await ShowCardAsync(ctx, student);
            return;
        }

        await SetAsync(ctx, student, string.Join(' ', words[1..]), words[0]);
    }

    /// <summary>Handles this feature's buttons; false when <paramref name="data"/> is another feature's.</summary>
    public async Task<bool> PressAsync(BotContext ctx, string data)
    {
        var parts = data.Split(':');
        if (parts[0] is not (CardAction or SetAction))
        {
            return false;
        }

        if (!ctx.IsTutor)
        {
            await ctx.ReplyKeyAsync(ctx.User is null ? "not_registered" : "tutors_only");
            return true;
        }

        var student = parts.Length > 1 && Guid.TryParseExact(parts[1], "N", out var id)
            ? (await directory.StudentsAsync(ctx.User!.Id, ctx.CancellationToken)).FirstOrDefault(s => s.Id == id)
            : null;
        if (student is null)
        {
            await ctx.ReplyKeyAsync("student_not_linked");
            return true;
        }

        if (parts[0] == CardAction)
        {
            await ShowCardAsync(ctx, student);
            return true;
        }

        var scale = await levels.ScaleAsync(ctx.User!.Id, ctx.CancellationToken);
        if (parts.Length != 3 || !int.TryParse(parts[2], out var n) || n < 0 || n >= scale.Levels.Count)
        {
            await ShowCardAsync(ctx, student);
            return true;
        }

        await SetAsync(ctx, student, scale.Levels[n], student.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>/scale shows the tutor's level names; "/scale A, B, C" sets them; "/scale cefr" goes back to A1–C2.</summary>
    public async Task ScaleAsync(BotContext ctx, string args)
    {
        var text = args.Trim();
        if (text.Length == 0)
        {
            var scale = await levels.ScaleAsync(ctx.User!.Id, ctx.CancellationToken);
            await ctx.ReplyKeyAsync("scale_now", Escape(string.Join(", ", scale.Levels)));
            return;
        }

        var names = text.Equals("cefr", StringComparison.OrdinalIgnoreCase)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var (saved, failure) = await levels.SetScaleAsync(ctx.User!.Id, names, ctx.CancellationToken);
        await (failure is not null
            ? ctx.ReplyKeyAsync("scale_invalid")
            : ctx.ReplyKeyAsync(saved!.Kind == StudyLevelScale.CefrKind ? "scale_saved_cefr" : "scale_saved",
                Escape(string.Join(", ", saved.Levels))));
    }

    private async Task SetAsync(BotContext ctx, StudentEntry student, string typed, string reference)
    {
        var (level, changed, failure) = await levels.SetAsync(ctx.User!.Id, student.Id, typed, ctx.User.Id, ctx.CancellationToken);
        if (failure is { Code: "level_unknown" })
        {
            var scale = await levels.ScaleAsync(ctx.User.Id, ctx.CancellationToken);
            await ctx.ReplyKeyAsync("level_unknown", UpdateRouter.Quote(typed), Escape(string.Join(", ", scale.Levels)),
                Escape(reference), Escape(scale.Levels[scale.Levels.Count / 2]));
            return;
        }

        if (failure is not null)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        if (!changed)
        {
            await ctx.ReplyKeyAsync("level_unchanged", Escape(student.Name), Escape(level!.Level));
            return;
        }

        var history = await levels.HistoryAsync(student.Id, ctx.User.Id, ctx.CancellationToken);
        var previous = history.Changes.Count > 0 ? history.Changes[0].From : null;
        await ctx.ReplyKeyAsync("level_saved", Escape(student.Name), Escape(level!.Level),
            previous is null ? ctx.T("level_unset") : Escape(previous));
    }

    private async Task ShowCardAsync(BotContext ctx, StudentEntry student)
    {
        var (level, failure) = await levels.CurrentAsync(ctx.User!.Id, student.Id, ctx.CancellationToken);
        if (failure is not null)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var lines = new List<string>
        {
            level!.Level is { } current
                ? ctx.T("level_now", Escape(student.Name), Escape(current), CompactForm.Format(level.ChangedAt!.Value, ctx.TimeZone)[..10])
                : ctx.T("level_none", Escape(student.Name)),
        };
        var history = await levels.HistoryAsync(student.Id, ctx.User.Id, ctx.CancellationToken);
        if (history.Changes.Count > 0)
        {
            lines.Add(ctx.T("level_history"));
            lines.AddRange(history.Changes.Take(HistoryLines).Select(c => ctx.T("level_history_line",
                CompactForm.Format(c.ChangedAt, ctx.TimeZone), c.From is null ? ctx.T("level_unset") : Escape(c.From), Escape(c.To))));
        }

        lines.Add(ctx.T("level_pick", student.Number));
        var buttons = level.Levels.Select((name, i) =>
            InlineKeyboardButton.WithCallbackData(name == level.Level ? "• " + name : name, $"{SetAction}:{student.Id:N}:{i}"));
        await ctx.ReplyAsync(string.Join("\n", lines), new InlineKeyboardMarkup(buttons.Chunk(3)));
    }

    private async Task ShowOwnAsync(BotContext ctx)
    {
        var own = await levels.LatestOfStudentAsync(ctx.User!.Id, ctx.CancellationToken);
        await (own?.Level is { } level
            ? ctx.ReplyKeyAsync("own_level", Escape(level), CompactForm.Format(own.ChangedAt!.Value, ctx.TimeZone)[..10])
            : ctx.ReplyKeyAsync("own_level_none"));
    }

    /// <summary>One line per child, in the parent's language and time zone, like the tutor's card names the student.</summary>
    private async Task ShowChildrenAsync(BotContext ctx)
    {
        var levelsOfChildren = await children.OfParentAsync(ctx.User!.Id, ctx.CancellationToken);
        await ctx.ReplyAsync(levelsOfChildren.Count == 0
            ? ctx.T("child_level_no_children")
            : string.Join("\n", levelsOfChildren.Select(c => c.Level is { } level
                ? ctx.T("level_now", Escape(c.Name), Escape(level), CompactForm.Format(c.ChangedAt!.Value, ctx.TimeZone)[..10])
                : ctx.T("child_level_none", Escape(c.Name)))));
    }
}
