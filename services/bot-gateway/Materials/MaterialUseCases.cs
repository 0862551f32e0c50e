using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.Materials;

public sealed class MaterialUseCases(EventJournal journal)
{
    /// <param name="telegramFileId">Set when the material is a document sent to the bot.</param>
    public async Task<Outcome<MaterialShared>> ShareAsync(Guid tutorId, ShareMaterialRequest request,
        CancellationToken cancellationToken, string? telegramFileId = null)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var key = $"materials/shared:{request.MaterialId}";
        var fingerprint = $"{request.StudentId}|{request.Title.Trim()}|{request.Url}";
        var conflict = $"Material {request.MaterialId} was already shared differently.";
        if (await journal.FindEarlierAsync<MaterialShared>(key, tutorId, fingerprint, "materialId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (request.StudentId is { } studentId && !await journal.IsLinkedAsync(tutorId, studentId, cancellationToken))
        {
            return Failure.StudentNotLinked(studentId);
        }

        var now = journal.Now;
        journal.Db.Materials.Add(new Material
        {
            Id = request.MaterialId, TutorId = tutorId, StudentId = request.StudentId, Title = request.Title.Trim(),
            Url = request.Url, MimeType = request.MimeType, TelegramFileId = telegramFileId, SharedAt = now,
        });
        return await journal.CommitAsync(key, fingerprint, new MaterialShared
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = tutorId, MaterialId = request.MaterialId,
            Title = request.Title.Trim(), StudentId = request.StudentId, Url = request.Url, MimeType = request.MimeType,
        }, "materialId", conflict, cancellationToken);
    }

    /// <summary>A student opened a material shared with them (or with all of their tutor's students).</summary>
    public async Task<Outcome<MaterialViewed>> ViewAsync(Caller caller, ViewMaterialRequest request,
        CancellationToken cancellationToken)
    {
        var material = await journal.Db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MaterialId
            && (caller.TutorId == null || m.TutorId == caller.TutorId), cancellationToken);
        var visible = material is not null && (material.StudentId is null || material.StudentId == request.StudentId)
            && await journal.IsLinkedAsync(material.TutorId, request.StudentId, cancellationToken);
        if (!visible)
        {
            return caller.TutorId is not null && material is not null
                ? Failure.StudentNotLinked(request.StudentId)
                : Failure.NotFound("materialId", "material_not_found", $"Material {request.MaterialId} was not found.");
        }

        var key = $"materials/viewed:{request.ViewId ?? Guid.NewGuid()}";
        var fingerprint = $"{request.MaterialId}|{request.StudentId}";
        var conflict = $"View {request.ViewId} was already recorded for another material or student.";
        if (await journal.FindEarlierAsync<MaterialViewed>(key, material!.TutorId, fingerprint, "viewId", conflict, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        return await journal.CommitAsync(key, fingerprint, new MaterialViewed
        {
            EventId = Guid.NewGuid(), OccurredAt = journal.Now, TutorId = material.TutorId,
            StudentId = request.StudentId, MaterialId = material.Id,
        }, "viewId", conflict, cancellationToken);
    }

    public Task<Material?> FindAsync(Guid materialId, CancellationToken cancellationToken) =>
        journal.Db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, cancellationToken);
}
