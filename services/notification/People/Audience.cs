using Microsoft.EntityFrameworkCore;
using Repitbot.Notification.Data;

namespace Repitbot.Notification.People;

/// <summary>Who hears about a student's event: the student, and the parents on links valid at that moment.</summary>
public sealed class Audience(NotificationDb db)
{
    public async Task<List<Guid>> StudentAndParentsAsync(Guid tutorId, Guid studentId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var parents = await db.Links.AsNoTracking()
            .Where(l => l.StudentId == studentId && l.TutorId == tutorId && l.ParentId != null
                && l.ValidFrom <= at && (l.ValidTo == null || l.ValidTo > at))
            .Select(l => l.ParentId!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [studentId, .. parents.Where(p => p != studentId)];
    }

    public async Task<string> NameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Recipients.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.DisplayName)
            .SingleOrDefaultAsync(cancellationToken) ?? string.Empty;

    /// <summary>The tutor's students at <paramref name="at"/>.</summary>
    public Task<List<Guid>> StudentsOfAsync(Guid tutorId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Links.AsNoTracking()
            .Where(l => l.TutorId == tutorId && l.ValidFrom <= at && (l.ValidTo == null || l.ValidTo > at))
            .Select(l => l.StudentId).Distinct().ToListAsync(cancellationToken);
}
