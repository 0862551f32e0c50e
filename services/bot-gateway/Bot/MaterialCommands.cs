using Repitbot.BotGateway.Materials;
using Repitbot.BotGateway.UseCases;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>A document a tutor sends becomes a material; students list materials and open them (MaterialViewed).</summary>
public sealed class MaterialCommands(BotDirectory directory, MaterialUseCases materials)
{
    public async Task ShareDocumentAsync(BotContext ctx, Document document, string? caption)
    {
        StudentEntry? student = null;
        var title = document.FileName ?? "document";
        var words = CompactForm.Words(caption);
        if (words.Length > 0)
        {
            // The caption names a student, or else it is the title.
            var (found, _) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
            student = found;
            var rest = student is null ? caption!.Trim() : caption!.Trim()[words[0].Length..].Trim();
            title = rest.Length > 0 ? rest : title;
        }

        var outcome = await materials.ShareAsync(ctx.User!.Id, new ShareMaterialRequest
        {
            MaterialId = Guid.NewGuid(), Title = title[..Math.Min(title.Length, 300)], StudentId = student?.Id,
            MimeType = document.MimeType is { Length: <= 100 } mime ? mime : null,
        }, ctx.CancellationToken, document.FileId);
        await (outcome.Failure is { } failure
            ? ctx.ReplyFailureAsync(failure)
            : ctx.ReplyKeyAsync("shared", Escape(outcome.Event!.Title), student is null ? ctx.T("all_students") : Escape(student.Name)));
    }

    public async Task ListAsync(BotContext ctx, string args)
    {
        var list = await directory.MaterialsAsync(ctx.User!.Id, ctx.CancellationToken);
        if (list.Count == 0)
        {
            await ctx.ReplyKeyAsync("no_materials");
            return;
        }

        var lines = list.Select((m, i) => $"{i + 1}. {Escape(m.Title)}");
        var buttons = list.Take(20).Select((m, i) => new[] { InlineKeyboardButton.WithCallbackData($"📂 {i + 1}. {m.Title}", $"mat:{m.Id:N}") });
        await ctx.ReplyAsync(ctx.T("materials_list") + "\n" + string.Join("\n", lines), new InlineKeyboardMarkup(buttons));
    }

    public async Task OpenAsync(BotContext ctx, Guid materialId)
    {
        var outcome = await materials.ViewAsync(Caller.Student(ctx.User!.Id),
            new ViewMaterialRequest { MaterialId = materialId, StudentId = ctx.User.Id }, ctx.CancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var material = (await materials.FindAsync(materialId, ctx.CancellationToken))!;
        if (material.TelegramFileId is { } fileId)
        {
            await ctx.Replies.SendDocumentAsync(ctx.ChatId, InputFile.FromFileId(fileId), Escape(material.Title), ctx.CancellationToken);
        }
        else
        {
            await ctx.ReplyAsync($"📄 {Escape(material.Title)}\n{Escape(material.Url ?? "")}");
        }
    }
}
