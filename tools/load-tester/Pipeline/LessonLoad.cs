using System.Collections.Concurrent;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>The lesson pipeline's arrivals: every one a completed lesson of one of the students, mailed to that student.</summary>
public sealed class LessonLoad(PipelineClient client, LessonMailbox mailbox, Guid[] students) : IStepLoad
{
    private readonly ConcurrentDictionary<int, long> _completed = new();

    public string Unit => "lesson";

    public void BeginStep(int stepIndex, double rate, TimeSpan duration, DateTimeOffset startedAt)
    {
    }

    public async Task<Outcome> ArriveAsync(int stepIndex, OperationContext context, MailLedger ledger, CancellationToken cancellationToken)
    {
        var lessonId = Guid.NewGuid();
        var outcome = await client.CompleteLessonAsync(lessonId, students[context.Slot(students.Length)], mailbox.Subject(lessonId),
            context.IntendedAt, cancellationToken);
        if (outcome.Succeeded)
        {
            ledger.Sent(lessonId, context.IntendedAt, stepIndex);
            _completed.AddOrUpdate(stepIndex, 1, (_, n) => n + 1);
        }

        return outcome;
    }

    public int Scan(MailLedger ledger, DateTimeOffset since) => mailbox.Scan(ledger, since);

    public long LessonsCompleted(int stepIndex) => _completed.GetValueOrDefault(stepIndex);
}
