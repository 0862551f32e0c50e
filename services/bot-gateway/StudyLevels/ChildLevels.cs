using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.UseCases;

namespace Repitbot.BotGateway.StudyLevels;

/// <summary>A parent's child and the child's current level (null until a tutor sets one) and since when.</summary>
public sealed record ChildLevel(Guid StudentId, string Name, string? Level, DateTimeOffset? ChangedAt);

/// <summary>
/// What a parent may see of study levels: the children linked to them now, each with the level most recently set by
/// a tutor the parent is linked through (a level another tutor keeps for the child is that tutor's, not the parent's).
/// </summary>
public sealed class ChildLevels(EventJournal journal)
{
    public async Task<IReadOnlyList<ChildLevel>> OfParentAsync(Guid parentId, CancellationToken cancellationToken)
    {
        var db = journal.Db;
        var links = await db.StudentLinks.AsNoTracking().Where(l => l.ParentId == parentId && l.ValidTo == null)
            .Select(l => new { l.StudentId, l.TutorId }).ToListAsync(cancellationToken);
        var students = links.Select(l => l.StudentId).Distinct().ToList();
        var tutors = links.Select(l => l.TutorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => students.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var changes = await db.StudyLevelChanges.AsNoTracking()
            .Where(c => students.Contains(c.StudentId) && tutors.Contains(c.TutorId)).ToListAsync(cancellationToken);
        var linked = links.Select(l => (l.StudentId, l.TutorId)).ToHashSet();
        return students.Select(student =>
        {
            var latest = changes.Where(c => c.StudentId == student && linked.Contains((c.StudentId, c.TutorId)))
                .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).FirstOrDefault();
            return new ChildLevel(student, names.GetValueOrDefault(student) ?? "", latest?.Level, latest?.ChangedAt);
        }).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
