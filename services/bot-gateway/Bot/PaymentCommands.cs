using Repitbot.BotGateway.Payments;
using Repitbot.Contracts;
using Repitbot.Hosting.Text;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>/pay &lt;student&gt; &lt;amount&gt; [method] [lessons], or /pay and a student button then the amount.</summary>
public sealed class PaymentCommands(BotDirectory directory, PaymentUseCases payments, ConversationStore conversations,
    StudentPicker picker)
{
    public async Task PayAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length == 0)
        {
            await picker.PickAsync(ctx, "pay");
            return;
        }

        if (words.Length is < 2 or > 4 || CompactForm.ParseMoney(words[1]) is null)
        {
            await ctx.ShowFormAsync("form_pay");
            return;
        }

        var (student, error) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
        if (student is null)
        {
            await ctx.ReplyKeyAsync(error!, Escape(words[0]));
            return;
        }

        await PayForAsync(ctx, student, words[1..], "form_pay");
    }

    public async Task PayForAsync(BotContext ctx, StudentEntry student, string[] words, string formKey)
    {
        var amount = words.Length is >= 1 and <= 3 ? CompactForm.ParseMoney(words[0]) : null;
        var method = words.Length >= 2 ? CompactForm.ParseMethod(words[1]) : PaymentMethod.Transfer;
        var lessons = 0;
        if (amount is null || method is null || (words.Length == 3 && !int.TryParse(words[2], out lessons)))
        {
            await ctx.ShowFormAsync(formKey);
            return;
        }

        var outcome = await payments.RecordAsync(ctx.User!.Id, new RecordPaymentRequest
        {
            PaymentId = Guid.NewGuid(), StudentId = student.Id, AmountMinor = amount.Value, Method = method.Value, LessonsCovered = lessons,
        }, ctx.CancellationToken);
        await conversations.ClearAsync(ctx.ChatId, ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var e = outcome.Event!;
        await ctx.ReplyKeyAsync("paid", Escape(student.Name), MoneyText.Format(e.AmountMinor, e.Currency, ctx.Locale),
            CompactForm.MethodName(e.Method, ctx.Locale), e.LessonsCovered);
    }
}
