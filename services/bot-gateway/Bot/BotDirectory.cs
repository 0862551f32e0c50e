using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Repitbot.BotGateway.Data;

namespace Repitbot.BotGateway.Bot;

public sealed record StudentEntry(int Number, Guid Id, string Name);

public sealed record LessonEntry(int Number, Guid Id, Guid StudentId, string StudentName, DateTimeOffset StartsAt, int DurationMinutes);

/// <summary>The numbered lists the compact forms refer to (/students, /lessons, /homework, /materials).</summary>
public sealed class BotDirectory(BotGatewayDb db)
{
    public async Task<List<StudentEntry>> StudentsAsync(Guid tutorId, CancellationToken cancellationToken)
    {
        var rows = await (from l in db.StudentLinks
                          join u in db.Users on l.StudentId equals u.Id
                          where l.TutorId == tutorId && l.ValidTo == null
                          orderby u.DisplayName, u.Id
                          select new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return rows.Select((r, i) => new StudentEntry(i + 1, r.Id, r.DisplayName)).ToList();
    }

    /// <summary>By number from /students or by the start of a name; null and a reason key when not exactly one.</summary>
    public async Task<(StudentEntry? Student, string? Error)> FindStudentAsync(Guid tutorId, string reference,
        CancellationToken cancellationToken)
    {
        var students = await StudentsAsync(tutorId, cancellationToken);
        if (int.TryParse(reference.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= students.Count ? (students[number - 1], null) : (null, "student_unknown");
        }

        var matches = students.Where(s => s.Name.StartsWith(reference, StringComparison.CurrentCultureIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, "student_unknown"),
            _ => matches.FirstOrDefault(s => string.Equals(s.Name, reference, StringComparison.CurrentCultureIgnoreCase)) is { } exact
                ? (exact, null)
                : (null, "student_ambiguous"),
        };
    }

    public async Task<List<LessonEntry>> ScheduledLessonsAsync(Guid tutorId, CancellationToken cancellationToken)
    {
        var rows = await (from l in db.Lessons
                          join u in db.Users on l.StudentId equals u.Id
                          where l.TutorId == tutorId && l.Status == LessonStatus.Scheduled
                          orderby l.StartsAt, l.Id
                          select new { l.Id, l.StudentId, u.DisplayName, l.StartsAt, l.DurationMinutes }).Take(50).ToListAsync(cancellationToken);
        return rows.Select((r, i) => new LessonEntry(i + 1, r.Id, r.StudentId, r.DisplayName, r.StartsAt!.Value, r.DurationMinutes ?? 60))
            .ToList();
    }

    public async Task<LessonEntry?> FindLessonAsync(Guid tutorId, string reference, CancellationToken cancellationToken)
    {
        var lessons = await ScheduledLessonsAsync(tutorId, cancellationToken);
        return int.TryParse(reference.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= lessons.Count
            ? lessons[n - 1]
            : null;
    }

    public async Task<LessonEntry?> LessonAsync(Guid tutorId, Guid lessonId, CancellationToken cancellationToken) =>
        (await ScheduledLessonsAsync(tutorId, cancellationToken)).FirstOrDefault(l => l.Id == lessonId);

    public async Task<string> NameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "—";

    public Task<List<Data.Homework>> OpenHomeworkAsync(Guid studentId, CancellationToken cancellationToken) =>
        db.Homework.Where(h => h.StudentId == studentId && h.SubmittedAt == null
                && db.StudentLinks.Any(l => l.TutorId == h.TutorId && l.StudentId == studentId && l.ValidTo == null))
            .OrderBy(h => h.AssignedAt).ThenBy(h => h.Id).Take(50).ToListAsync(cancellationToken);

    public Task<List<Material>> MaterialsAsync(Guid studentId, CancellationToken cancellationToken) =>
        db.Materials.Where(m => (m.StudentId == null || m.StudentId == studentId)
                && db.StudentLinks.Any(l => l.TutorId == m.TutorId && l.StudentId == studentId && l.ValidTo == null))
            .OrderByDescending(m => m.SharedAt).ThenBy(m => m.Id).Take(50).ToListAsync(cancellationToken);

    public async Task<string> HomeworkTitleAsync(Guid homeworkId, CancellationToken cancellationToken) =>
        await db.Homework.Where(h => h.Id == homeworkId).Select(h => h.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
}
