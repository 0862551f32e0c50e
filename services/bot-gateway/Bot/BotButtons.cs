using Repitbot.Contracts;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// Inline keyboard presses: callback data is "&lt;action&gt;:&lt;id&gt;". Steps that need typed input start a
/// conversation (<see cref="BotFlows"/>) stored in PostgreSQL.
/// </summary>
public sealed class BotButtons(LessonCommands lessons, HomeworkCommands homework, MaterialCommands materials,
    BotDirectory directory, ConversationStore conversations, AnalyticsCommands analytics, NotificationCommands notifications,
    PeopleCommands people, LevelCommands levels)
{
    private static readonly HashSet<string> TutorActions = ["sch", "les", "done", "noshow", "move", "cancel", "pay"];

    public async Task PressAsync(BotContext ctx, string data)
    {
        if (data.StartsWith("role:", StringComparison.Ordinal))
        {
            // "Who are you?" after /start: the one button someone who is not registered yet may press.
            await people.RegisterAsAsync(ctx, data["role:".Length..]);
            return;
        }

        if (await SettingsButtonAsync(ctx, data) || await levels.PressAsync(ctx, data))
        {
            return;
        }

        var parts = data.Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "N", out var id) || ctx.User is null)
        {
            await ctx.ReplyKeyAsync(ctx.User is null ? "not_registered" : "lesson_not_found");
            return;
        }

        var action = parts[0];
        if (TutorActions.Contains(action) != ctx.IsTutor)
        {
            await ctx.ReplyKeyAsync(ctx.IsTutor ? "students_only" : "tutors_only");
            return;
        }

        switch (action)
        {
            case "sch" or "pay":
                await AskAboutStudentAsync(ctx, action, id);
                break;
            case "les":
                await lessons.ShowActionsAsync(ctx, id);
                break;
            case "done" or "noshow":
                await lessons.MarkAsync(ctx, await lessons.FindAsync(ctx, id),
                    action == "done" ? LessonOutcome.Attended : LessonOutcome.NoShow, null);
                break;
            case "move" or "cancel":
                await AskAboutLessonAsync(ctx, action, id);
                break;
            case "hw":
                await homework.SubmitAsync(ctx, id);
                break;
            case "mat":
                await materials.OpenAsync(ctx, id);
                break;
            default:
                await ctx.ReplyKeyAsync("help_tutor");
                break;
        }
    }

    /// <summary>Buttons whose data is not an id: analytics areas and periods, notification toggles.</summary>
    private async Task<bool> SettingsButtonAsync(BotContext ctx, string data)
    {
        var parts = data.Split(':');
        if (parts[0] is not ("an" or "ap" or "pdf" or "nt" or "ntt" or "ntest"))
        {
            return false;
        }

        if (ctx.User is null || (parts[0] is "an" or "ap" or "pdf" && !ctx.IsTutor))
        {
            await ctx.ReplyKeyAsync(ctx.User is null ? "not_registered" : "tutors_only");
            return true;
        }

        var area = parts.Length > 1 && AnalyticsCommands.Areas.Contains(parts[1]) ? parts[1] : null;
        var days = parts.Length > 2 && int.TryParse(parts[2], out var d) && d is 7 or 30 or 90 ? d : 0;
        var index = parts.Length > 1 && int.TryParse(parts[1], out var i) && i is >= 0 and < 100 ? i : -1;
        await (parts[0] switch
        {
            "an" when area is not null => analytics.PickPeriodAsync(ctx, area),
            "ap" when area is not null && days > 0 => analytics.ChartAsync(ctx, area, days),
            "pdf" when area is not null && days > 0 => analytics.PdfAsync(ctx, area, days),
            "nt" when index >= 0 => notifications.ToggleAsync(ctx, index),
            "ntt" when index >= 0 => notifications.ToggleTypeAsync(ctx, index),
            "ntest" => notifications.TestAsync(ctx),
            _ => analytics.StartAsync(ctx, ""),
        });
        return true;
    }

    private async Task AskAboutStudentAsync(BotContext ctx, string action, Guid studentId)
    {
        var student = (await directory.StudentsAsync(ctx.User!.Id, ctx.CancellationToken)).FirstOrDefault(s => s.Id == studentId);
        if (student is null)
        {
            await ctx.ReplyKeyAsync("student_not_linked");
            return;
        }

        var flow = action == "sch" ? BotFlows.Schedule : BotFlows.Pay;
        await conversations.StartAsync(ctx.ChatId, flow, new() { ["studentId"] = studentId.ToString() }, ctx.CancellationToken);
        await ctx.ReplyKeyAsync(action == "sch" ? "ask_when" : "ask_amount", Repitbot.Hosting.Telegram.TelegramText.Escape(student.Name),
            ctx.T(action == "sch" ? "form_when" : "form_amount"));
    }

    private async Task AskAboutLessonAsync(BotContext ctx, string action, Guid lessonId)
    {
        if (await lessons.FindAsync(ctx, lessonId) is not { } lesson)
        {
            await ctx.ReplyKeyAsync("lesson_not_scheduled");
            return;
        }

        await conversations.StartAsync(ctx.ChatId, action == "move" ? BotFlows.Move : BotFlows.Cancel,
            new() { ["lessonId"] = lessonId.ToString() }, ctx.CancellationToken);
        await (action == "move"
            ? ctx.ReplyKeyAsync("ask_newtime", LessonCommands.Describe(ctx, lesson), ctx.T("form_newtime"))
            : ctx.ReplyKeyAsync("ask_reason", LessonCommands.Describe(ctx, lesson)));
    }
}
