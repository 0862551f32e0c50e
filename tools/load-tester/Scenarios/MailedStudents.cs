using Repitbot.Contracts;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Scenarios;

/// <summary>
/// A tutor's students registered on the bus with e-mail addresses, and the lessons whose mails the e-mail scenarios
/// follow into the Maildir (each lesson's subject carries the watcher's marker).
/// </summary>
public sealed class MailedStudents
{
    private readonly Guid[] _students;

    private MailedStudents(Guid tutorId, Guid[] students) => (TutorId, _students) = (tutorId, students);

    public Guid TutorId { get; }

    public int Count => _students.Length;

    /// <summary>
    /// Registers <paramref name="count"/> students and sends one warm-up mail each, so the projection knows them all
    /// and notification is past its first-call costs before anything is measured.
    /// </summary>
    public static async Task<MailedStudents> RegisterAndWarmUpAsync(BusPublisher bus, MaildirWatcher mail, string runId,
        string maildir, int count, CancellationToken cancellationToken)
    {
        var audience = new MailedStudents(Guid.NewGuid(), [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())]);
        for (var i = 0; i < count; i++)
        {
            await bus.Endpoint.Publish(new UserRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = audience.TutorId, UserId = audience._students[i],
                Role = UserRole.Student, DisplayName = $"Load student {i}", Email = $"load-{runId}-{i}@load.repitbot.local",
                Locale = "en", TimeZone = "Europe/London",
            }, cancellationToken);
        }

        var warmupStart = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < count; i++)
        {
            await bus.Endpoint.Publish(audience.Lesson(i, mail.Marker(-1 - i), DateTimeOffset.UtcNow), cancellationToken);
        }

        if (!await mail.WaitForAsync(Enumerable.Range(1, count).Select(i => (long)-i), warmupStart, TimeSpan.FromSeconds(60), cancellationToken))
        {
            throw new TargetUnreachableException("notification", maildir, "no warm-up mail arrived within 60 s (is notification running on this vhost and SMTP writing here?)");
        }

        return audience;
    }

    /// <summary>A completed lesson of student <paramref name="slot"/> whose mail carries <paramref name="marker"/>.</summary>
    public LessonCompleted Lesson(int slot, string marker, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, TutorId = TutorId, StudentId = _students[slot], LessonId = Guid.NewGuid(),
        Outcome = LessonOutcome.Attended, Minutes = 60, Subject = marker,
    };
}
