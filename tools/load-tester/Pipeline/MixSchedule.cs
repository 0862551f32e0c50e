namespace Repitbot.LoadTester.Pipeline;

/// <summary>
/// Which kind each arrival of a mixed step is. Arrivals cycle through <see cref="Pattern"/> (two completed lessons,
/// a payment, a homework and a scheduled lesson in five); lessons are scheduled only in the first
/// <see cref="SchedulingShare"/> of the step, all starting at one instant so that their reminders fall due together
/// at <see cref="BurstShare"/> of the step (the top of the hour), while the other kinds keep arriving. After the
/// scheduling window a scheduled lesson's turn goes to a completed lesson, so the rate stays constant.
/// </summary>
public sealed class MixSchedule(double rate, TimeSpan duration)
{
    public const string Completed = "completed";
    public const string Payment = "payment";
    public const string Homework = "homework";
    public const string Scheduled = "scheduled";
    /// <summary>A mail kind only: the reminder a scheduled lesson's mail is followed by.</summary>
    public const string Reminder = "reminder";

    public const double SchedulingShare = 0.5;
    public const double BurstShare = 0.75;

    public static readonly IReadOnlyList<string> Pattern = [Completed, Payment, Completed, Homework, Scheduled];

    /// <summary>When, from the step's start, the reminders fall due.</summary>
    public TimeSpan BurstOffset => duration * BurstShare;

    /// <summary>The kind of arrival <paramref name="index"/> (the warm-up's negative indexes count from its end).</summary>
    public string KindAt(long index)
    {
        var kind = Pattern[(int)(((index % Pattern.Count) + Pattern.Count) % Pattern.Count)];
        return kind == Scheduled && (index < 0 || index >= SchedulingArrivals) ? Completed : kind;
    }

    /// <summary>Arrivals before the end of the scheduling window: those at offsets index / rate below it.</summary>
    public long SchedulingArrivals => (long)Math.Ceiling(rate * duration.TotalSeconds * SchedulingShare);

    /// <summary>The lessons scheduled in a step: each needs a student of its own (<see cref="ScheduledOrdinal"/>).</summary>
    public long ScheduledCount => Enumerable.Range(0, (int)Math.Min(SchedulingArrivals, int.MaxValue)).LongCount(i => KindAt(i) == Scheduled);

    /// <summary>Which of the step's scheduled lessons arrival <paramref name="index"/> is (0, 1, ...), for its student.</summary>
    public static int ScheduledOrdinal(long index) => (int)(index / Pattern.Count);

    /// <summary>The lessons a run with these rates schedules in its largest step: the reminder students it needs.</summary>
    public static long MostScheduled(IEnumerable<double> rates, TimeSpan duration) => rates.Max(r => new MixSchedule(r, duration).ScheduledCount);
}
