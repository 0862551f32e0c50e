namespace Repitbot.BotGateway.Bot;

/// <summary>The typed step after a button: the conversation says which flow and what was chosen so far.</summary>
public sealed class BotFlows(ConversationStore conversations, LessonCommands lessons, PaymentCommands payments,
    BotDirectory directory, PeopleCommands people)
{
    public const string Schedule = "schedule";
    public const string Pay = "pay";
    public const string Move = "move";
    public const string Cancel = "cancel";

    public async Task ContinueAsync(BotContext ctx, string text)
    {
        var conversation = ctx.User is null ? null : await conversations.GetAsync(ctx.ChatId, ctx.CancellationToken);
        if (conversation is not { } current || !ctx.IsTutor)
        {
            await people.HelpAsync(ctx, "");
            return;
        }

        var words = CompactForm.Words(text);
        switch (current.Flow)
        {
            case Schedule or Pay when await StudentAsync(ctx, current.Data) is { } student:
                await (current.Flow == Schedule
                    ? lessons.ScheduleForAsync(ctx, student.Id, student.Name, words, "form_when")
                    : payments.PayForAsync(ctx, student, words, "form_amount"));
                break;
            case Move or Cancel when await LessonAsync(ctx, current.Data) is { } lesson:
                if (current.Flow == Cancel)
                {
                    await lessons.CancelAsync(ctx, lesson, text.Trim());
                }
                else if (words.Length == 2)
                {
                    await lessons.MoveAsync(ctx, lesson, words[0], words[1]);
                }
                else
                {
                    await ctx.ShowFormAsync("form_newtime");
                }

                break;
            default:
                // What the flow was about is gone (unlinked, done meanwhile): start over.
                await conversations.ClearAsync(ctx.ChatId, ctx.CancellationToken);
                await people.HelpAsync(ctx, "");
                break;
        }
    }

    private async Task<StudentEntry?> StudentAsync(BotContext ctx, Dictionary<string, string> data) =>
        data.TryGetValue("studentId", out var id) && Guid.TryParse(id, out var studentId)
            ? (await directory.StudentsAsync(ctx.User!.Id, ctx.CancellationToken)).FirstOrDefault(s => s.Id == studentId)
            : null;

    private async Task<LessonEntry?> LessonAsync(BotContext ctx, Dictionary<string, string> data) =>
        data.TryGetValue("lessonId", out var id) && Guid.TryParse(id, out var lessonId)
            ? await lessons.FindAsync(ctx, lessonId)
            : null;
}
