using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>The one place that says what each event type counts: ingestion, the nightly rollup and imports all use it.</summary>
public static class EventEffects
{
    public static EventEffect Of(IDomainEvent e) => e switch
    {
        LessonScheduled => Count(Counter.LessonsScheduled),
        LessonRescheduled => Count(Counter.LessonsRescheduled),
        LessonCancelled c => Count(Counter.LessonsCancelled) with
        {
            Cancellation = new Cancellation(c.CancelledBy.ToString(), Cancellation.Normalize(c.Reason)),
        },
        LessonCompleted { Outcome: LessonOutcome.Attended } c =>
            new EventEffect(DailyCounters.Of((Counter.LessonsCompleted, 1), (Counter.MinutesTaught, c.Minutes))) { ActiveStudent = c.StudentId },
        LessonCompleted => Count(Counter.NoShows),
        HomeworkAssigned => Count(Counter.HomeworkAssigned),
        HomeworkSubmitted s => Count(Counter.HomeworkSubmitted) with { ActiveStudent = s.StudentId },
        HomeworkGraded g => new EventEffect(DailyCounters.Of((Counter.HomeworkGraded, 1), (Counter.HomeworkScoreSum, g.Score))),
        MaterialShared => Count(Counter.MaterialsShared),
        MaterialViewed v => Count(Counter.MaterialsViewed) with { ActiveStudent = v.StudentId, ViewedMaterial = v.MaterialId },
        StudentLinked l => Count(Counter.NewStudents) with
        {
            Link = new LinkChange(l.LinkId, l.StudentId, l.ParentId, l.ValidFrom.ToUniversalTime(), null),
        },
        StudentUnlinked u => Count(Counter.StudentsUnlinked) with
        {
            Link = new LinkChange(u.LinkId, u.StudentId, null, null, u.ValidTo.ToUniversalTime()),
        },
        PaymentReceived p => Count(Counter.Payments) with
        {
            Money = new Money(p.Currency, p.AmountMinor, 0), ActiveStudent = p.StudentId,
        },
        PaymentRefunded r => Count(Counter.Refunds) with { Money = new Money(r.Currency, 0, r.AmountMinor) },
        // Profiles, low balances and experiments are stored (and exported) but counted nowhere yet.
        _ => new EventEffect(new DailyCounters()),
    };

    private static EventEffect Count(Counter counter) => new(DailyCounters.Of((counter, 1)));
}
