using System.Collections.Concurrent;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// The mixed pipeline's arrivals (<see cref="MixSchedule"/>): completed lessons, payments and homework for the run's
/// students, each mailed at once, and lessons scheduled to start <paramref name="reminderLead"/> after the step's
/// burst instant, each for a student of its own, each mailed at once and reminded at the burst (notification must
/// send reminders that long before a lesson: <c>Rules__ReminderOffsets__0</c>).
/// </summary>
public sealed class MixedLoad(PipelineClient client, MixedMailbox mailbox, Guid[] students, Guid[] reminderStudents, TimeSpan reminderLead)
    : IStepLoad
{
    public const string ReminderPrefix = "r";

    private readonly ConcurrentDictionary<int, long> _completed = new();
    private readonly ConcurrentDictionary<int, (MixSchedule Schedule, DateTimeOffset BurstAt)> _steps = new();

    public string Unit => "event";

    public void BeginStep(int stepIndex, double rate, TimeSpan duration, DateTimeOffset startedAt)
    {
        var schedule = new MixSchedule(rate, duration);
        var burstAt = startedAt + schedule.BurstOffset;
        _steps[stepIndex] = (schedule, burstAt);
        mailbox.Burst(stepIndex, burstAt);
    }

    /// <summary>A payment's amount in kopecks, whole roubles unique in the run: its receipt is found by it.</summary>
    public static long PaymentAmount(int stepIndex, long index) => ((stepIndex + 2) * 1_000_000L + index + 1) * 100;

    public async Task<Outcome> ArriveAsync(int stepIndex, OperationContext context, MailLedger ledger, CancellationToken cancellationToken)
    {
        var (schedule, burstAt) = _steps[stepIndex];
        var kind = schedule.KindAt(context.Index);
        var ordinal = MixSchedule.ScheduledOrdinal(context.Index);
        if (kind == MixSchedule.Scheduled && ordinal >= reminderStudents.Length)
        {
            kind = MixSchedule.Completed; // more scheduling arrivals than planned for (cannot happen at a constant rate)
        }

        var operation = $"{PipelineClient.Rest} {kind}";
        var student = students[context.Slot(students.Length)];
        var id = Guid.NewGuid();
        switch (kind)
        {
            case MixSchedule.Scheduled:
            {
                var outcome = await client.ScheduleLessonAsync(operation, id, reminderStudents[ordinal], burstAt + reminderLead, mailbox.Subject(id),
                    cancellationToken);
                if (outcome.Succeeded)
                {
                    ledger.Expect(MailLedger.Key(id), context.IntendedAt, stepIndex, MixSchedule.Scheduled);
                    ledger.Expect(MixedMailbox.ReminderKey(ReminderPrefix + ordinal, stepIndex), burstAt, stepIndex, MixSchedule.Reminder);
                }

                return outcome;
            }

            case MixSchedule.Payment:
            {
                var amount = PaymentAmount(stepIndex, context.Index);
                var outcome = await client.RecordPaymentAsync(operation, id, student, amount, context.IntendedAt, cancellationToken);
                if (outcome.Succeeded)
                {
                    ledger.Expect(MixedMailbox.PaymentKey(amount), context.IntendedAt, stepIndex, MixSchedule.Payment);
                }

                return outcome;
            }

            case MixSchedule.Homework:
            {
                var outcome = await client.AssignHomeworkAsync(operation, id, student, mailbox.Subject(id), context.IntendedAt, cancellationToken);
                if (outcome.Succeeded)
                {
                    ledger.Expect(MailLedger.Key(id), context.IntendedAt, stepIndex, MixSchedule.Homework);
                }

                return outcome;
            }

            default:
            {
                var outcome = await client.CompleteLessonAsync(operation, id, student, mailbox.Subject(id), context.IntendedAt, cancellationToken);
                if (outcome.Succeeded)
                {
                    ledger.Expect(MailLedger.Key(id), context.IntendedAt, stepIndex, MixSchedule.Completed);
                    _completed.AddOrUpdate(stepIndex, 1, (_, n) => n + 1);
                }

                return outcome;
            }
        }
    }

    public int Scan(MailLedger ledger, DateTimeOffset since) => mailbox.Scan(ledger, since);

    public long LessonsCompleted(int stepIndex) => _completed.GetValueOrDefault(stepIndex);
}
