using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;

namespace Repitbot.BotGateway.StudyLevels;

/// <summary>
/// Study levels, one application layer for the bot and REST: a tutor sets the level of a student linked to
/// them, on their scale; each change is a history row and a <see cref="StudentLevelChanged"/> in the outbox,
/// saved in one transaction.
/// </summary>
public sealed class StudentLevels(EventJournal journal)
{
    private BotGatewayDb Db => journal.Db;

    public async Task<StudyLevelScale> ScaleAsync(Guid tutorId, CancellationToken cancellationToken) =>
        StudyLevelScale.Of(await Db.LevelScales.AsNoTracking().FirstOrDefaultAsync(s => s.TutorId == tutorId, cancellationToken));

    /// <summary>Replaces the tutor's own scale; an empty list goes back to CEFR. Levels already set keep their names.</summary>
    public async Task<(StudyLevelScale? Scale, Failure? Failure)> SetScaleAsync(Guid tutorId, IReadOnlyList<string> levels,
        CancellationToken cancellationToken)
    {
        var names = levels.Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        if (names.Count > 0 && StudyLevelScale.Problem(names) is { } problem)
        {
            return (null, new Failure(FailureKind.Invalid, "levels", "level_scale_invalid", problem));
        }

        var own = await Db.LevelScales.FirstOrDefaultAsync(s => s.TutorId == tutorId, cancellationToken);
        if (names.Count == 0)
        {
            if (own is not null)
            {
                Db.LevelScales.Remove(own);
            }
        }
        else if (own is null)
        {
            Db.LevelScales.Add(new LevelScale { TutorId = tutorId, Levels = names, ChangedAt = journal.Now });
        }
        else
        {
            own.Levels = names;
            own.ChangedAt = journal.Now;
        }

        await Db.SaveChangesAsync(cancellationToken);
        return (names.Count == 0 ? StudyLevelScale.Cefr : new StudyLevelScale(StudyLevelScale.CustomKind, names), null);
    }

    /// <summary>Sets the level; the same level again changes nothing and publishes nothing (<c>Changed</c> false).</summary>
    public async Task<(StudyLevelView? Level, bool Changed, Failure? Failure)> SetAsync(Guid tutorId, Guid studentId, string typed,
        Guid? changedBy, CancellationToken cancellationToken)
    {
        if (!await journal.IsLinkedAsync(tutorId, studentId, cancellationToken))
        {
            return (null, false, Failure.StudentNotLinked(studentId));
        }

        var scale = await ScaleAsync(tutorId, cancellationToken);
        if (scale.Find(typed) is not { } level)
        {
            return (null, false, new Failure(FailureKind.Invalid, "level", "level_unknown",
                $"Level \"{typed.Trim()}\" is not on the scale: {string.Join(", ", scale.Levels)}."));
        }

        var current = await LatestAsync(tutorId, studentId, cancellationToken);
        if (current?.Level == level)
        {
            return (View(tutorId, studentId, scale, current), false, null);
        }

        var change = new StudyLevelChange
        {
            Id = Guid.NewGuid(), TutorId = tutorId, StudentId = studentId, Sequence = (current?.Sequence ?? 0) + 1, Level = level,
            PreviousLevel = current?.Level,
            Scale = scale.Kind, ChangedBy = changedBy, ChangedAt = journal.Now,
        };
        Db.StudyLevelChanges.Add(change);
        journal.Queue(new StudentLevelChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = change.ChangedAt, TutorId = tutorId, StudentId = studentId, Level = level,
            PreviousLevel = change.PreviousLevel, Scale = scale.Kind, ChangedBy = changedBy,
        });
        try
        {
            await journal.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another change of this student's level was saved since it was read: its "from" would be wrong.
            Db.ChangeTracker.Clear();
            return (null, false, Failure.Conflict("level", "conflict", "The level was changed at the same time; read it and try again."));
        }

        return (View(tutorId, studentId, scale, change), true, null);
    }

    /// <summary>The level with one tutor; a tutor sees only students linked to them (else student_not_linked).</summary>
    public async Task<(StudyLevelView? Level, Failure? Failure)> CurrentAsync(Guid tutorId, Guid studentId,
        CancellationToken cancellationToken)
    {
        if (!await journal.IsLinkedAsync(tutorId, studentId, cancellationToken))
        {
            return (null, Failure.StudentNotLinked(studentId));
        }

        return (View(tutorId, studentId, await ScaleAsync(tutorId, cancellationToken), await LatestAsync(tutorId, studentId, cancellationToken)), null);
    }

    /// <summary>For a student (or an admin without a tutor): the level most recently set by any tutor, if any.</summary>
    public async Task<StudyLevelView?> LatestOfStudentAsync(Guid studentId, CancellationToken cancellationToken)
    {
        var latest = await Db.StudyLevelChanges.AsNoTracking().Where(c => c.StudentId == studentId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : View(latest.TutorId, studentId, await ScaleAsync(latest.TutorId, cancellationToken), latest);
    }

    /// <summary>Newest first; <paramref name="tutorId"/> null lists the changes of every tutor.</summary>
    public async Task<StudyLevelHistory> HistoryAsync(Guid studentId, Guid? tutorId, CancellationToken cancellationToken)
    {
        var rows = await Db.StudyLevelChanges.AsNoTracking()
            .Where(c => c.StudentId == studentId && (tutorId == null || c.TutorId == tutorId))
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);
        return new StudyLevelHistory(studentId,
            rows.Select(c => new StudyLevelHistoryEntry(c.TutorId, c.PreviousLevel, c.Level, c.Scale, c.ChangedBy, c.ChangedAt)).ToList());
    }

    /// <summary>The current level of each of a tutor's students that has one (for the /students list).</summary>
    public async Task<Dictionary<Guid, string>> LevelsAsync(Guid tutorId, IReadOnlyCollection<Guid> studentIds,
        CancellationToken cancellationToken)
    {
        var rows = await Db.StudyLevelChanges.AsNoTracking()
            .Where(c => c.TutorId == tutorId && studentIds.Contains(c.StudentId))
            .GroupBy(c => c.StudentId)
            .Select(g => g.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).First())
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(c => c.StudentId, c => c.Level);
    }

    public Task<bool> IsLinkedAsync(Guid tutorId, Guid studentId, CancellationToken cancellationToken) =>
        journal.IsLinkedAsync(tutorId, studentId, cancellationToken);

    private Task<StudyLevelChange?> LatestAsync(Guid tutorId, Guid studentId, CancellationToken cancellationToken) =>
        Db.StudyLevelChanges.AsNoTracking().Where(c => c.TutorId == tutorId && c.StudentId == studentId)
            .OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);

    private static StudyLevelView View(Guid tutorId, Guid studentId, StudyLevelScale scale, StudyLevelChange? latest) =>
        new(studentId, tutorId, latest?.Level, latest?.Scale ?? scale.Kind, scale.Levels, latest?.ChangedAt, latest?.ChangedBy);
}
