namespace Repitbot.Analytics.Data;

/// <summary>
/// Per tutor and UTC day, updated in the same transaction that stores the events. Column names are the
/// snake_case of <see cref="Ingestion.Counter"/> members; the nightly rollup recomputes a day from events.
/// </summary>
public sealed class DailyTutorStats
{
    public Guid TutorId { get; set; }
    public DateOnly Day { get; set; }
    public int LessonsScheduled { get; set; }
    public int LessonsRescheduled { get; set; }
    public int LessonsCancelled { get; set; }
    public int LessonsCompleted { get; set; }
    public int NoShows { get; set; }
    public int MinutesTaught { get; set; }
    public int HomeworkAssigned { get; set; }
    public int HomeworkSubmitted { get; set; }
    public int HomeworkGraded { get; set; }
    public int HomeworkScoreSum { get; set; }
    public int MaterialsShared { get; set; }
    public int MaterialsViewed { get; set; }
    public int NewStudents { get; set; }
    public int StudentsUnlinked { get; set; }
    public int Payments { get; set; }
    public int Refunds { get; set; }
}

/// <summary>Money per tutor, day and ISO currency, in minor units; currencies are never added together.</summary>
public sealed class DailyRevenue
{
    public Guid TutorId { get; set; }
    public DateOnly Day { get; set; }
    public required string Currency { get; set; }
    public long ReceivedMinor { get; set; }
    public long RefundedMinor { get; set; }
}

/// <summary>Cancelled lessons per tutor and day by who cancelled and the (normalised) reason.</summary>
public sealed class DailyCancellations
{
    public Guid TutorId { get; set; }
    public DateOnly Day { get; set; }
    public required string CancelledBy { get; set; }
    public required string Reason { get; set; }
    public int Cancelled { get; set; }
}

/// <summary>Analytics' own tutor–student mapping; a link is closed (valid_to), never deleted.</summary>
public sealed class StudentLink
{
    public Guid LinkId { get; set; }
    public Guid TutorId { get; set; }
    public Guid StudentId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Null only while an unlink has arrived before its link (out of order).</summary>
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
}

/// <summary>Students whose first attended lesson with the tutor fell in <see cref="CohortWeek"/> and who had one again <see cref="WeekOffset"/> weeks later.</summary>
public sealed class WeeklyRetention
{
    public Guid TutorId { get; set; }
    /// <summary>Monday of the cohort's ISO week (UTC).</summary>
    public DateOnly CohortWeek { get; set; }
    public int WeekOffset { get; set; }
    public int CohortSize { get; set; }
    public int Retained { get; set; }
}
