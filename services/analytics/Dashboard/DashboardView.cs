namespace Repitbot.Analytics.Dashboard;

/// <summary>A KPI with the same figure for the previous period and the change in percent (null when the previous was 0).</summary>
public sealed record KpiValue(long Value, long Previous, double? ChangePercent)
{
    public static KpiValue Of(long value, long previous) =>
        new(value, previous, previous == 0 ? null : Math.Round((value - previous) * 100.0 / previous, 1));
}

/// <summary>A rate in percent, now and in the previous period (null when there was nothing to divide by).</summary>
public sealed record RateValue(double? Value, double? Previous, double? ChangePoints)
{
    public static RateValue Of(double? value, double? previous) =>
        new(value, previous, value is { } v && previous is { } p ? Math.Round(v - p, 1) : null);
}

/// <summary>Money in minor units of one currency, received minus refunded.</summary>
public sealed record RevenueValue(string Currency, KpiValue NetMinor, KpiValue ReceivedMinor, KpiValue RefundedMinor);

public sealed record DashboardView(Guid? TutorId, int Days, DateOnly From, DateOnly To,
    KpiValue LessonsCompleted, KpiValue NoShows, KpiValue MinutesTaught, double? AttendanceRatePercent)
{
    public KpiValue HoursTaught { get; init; } = KpiValue.Of(0, 0);
    public KpiValue LessonsScheduled { get; init; } = KpiValue.Of(0, 0);
    public KpiValue LessonsCancelled { get; init; } = KpiValue.Of(0, 0);
    public RateValue AttendanceRate { get; init; } = RateValue.Of(null, null);
    public KpiValue ActiveStudents { get; init; } = KpiValue.Of(0, 0);
    public KpiValue NewStudents { get; init; } = KpiValue.Of(0, 0);
    public KpiValue HomeworkAssigned { get; init; } = KpiValue.Of(0, 0);
    public KpiValue HomeworkSubmitted { get; init; } = KpiValue.Of(0, 0);
    public RateValue AverageScore { get; init; } = RateValue.Of(null, null);
    public KpiValue MaterialsViewed { get; init; } = KpiValue.Of(0, 0);
    public IReadOnlyList<RevenueValue> Revenue { get; init; } = [];

    /// <summary>
    /// The IANA zone <see cref="From"/> and <see cref="To"/> are days of: the tutor's (each event counts on its tutor's
    /// day); UTC for everyone's figures, which add up each tutor's own days.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Where the figures came from: the Redis aggregates, or PostgreSQL while Redis is not trusted or not reachable.</summary>
    public DashboardSource Source { get; init; } = DashboardSource.Redis;
}

public enum DashboardSource
{
    Redis,
    Postgres,
}
