using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.Lessons;

/// <summary>What a lesson completion reads in one round trip, when the student is linked to the tutor now.</summary>
public sealed class LinkedLesson
{
    /// <summary>The request recorded earlier under the same idempotency key (untracked), if any.</summary>
    public RecordedEvent? Earlier { get; init; }

    /// <summary>The lesson row, tracked: the completion updates it in the same save.</summary>
    public Lesson? Lesson { get; init; }
}

/// <summary>
/// The completion's read as a compiled query: it runs on every REST lesson, and EF Core otherwise walks and
/// hashes the whole expression tree on each call to find its cached plan.
/// </summary>
public static class LinkedLessonQuery
{
    private static readonly Func<BotGatewayDb, Guid, Guid, string, Guid, CancellationToken, Task<LinkedLesson?>> Query =
        EF.CompileAsyncQuery((BotGatewayDb db, Guid tutorId, Guid studentId, string key, Guid lessonId, CancellationToken ct) =>
            db.StudentLinks
                .Where(l => l.TutorId == tutorId && l.StudentId == studentId && l.ValidTo == null)
                .Select(link => new LinkedLesson
                {
                    Earlier = db.RecordedEvents.Where(r => r.Key == key)
                        .Select(r => new RecordedEvent { Key = r.Key, TutorId = r.TutorId, Fingerprint = r.Fingerprint, Body = r.Body })
                        .FirstOrDefault(),
                    Lesson = db.Lessons.FirstOrDefault(x => x.Id == lessonId),
                })
                .FirstOrDefault());

    /// <summary>Null when the student is not (or no longer) linked to the tutor.</summary>
    public static Task<LinkedLesson?> FindAsync(BotGatewayDb db, Guid tutorId, Guid studentId, string key, Guid lessonId,
        CancellationToken cancellationToken) =>
        Query(db, tutorId, studentId, key, lessonId, cancellationToken);
}
