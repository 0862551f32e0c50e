namespace Repitbot.Analytics.ReadSide;

public enum GroupBy { Day, Week, Month }

/// <summary>Whole UTC days <see cref="From"/> to <see cref="To"/>, both included, and how series are bucketed.</summary>
public sealed record Period(DateOnly From, DateOnly To, GroupBy GroupBy)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Exclusive end: midnight after <see cref="To"/>.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public string Bucket => GroupBy.ToString().ToLowerInvariant();

    /// <summary>Today in UTC: the last day of a period that names none.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The last <paramref name="days"/> days up to and including today.</summary>
    public static Period LastDays(DateOnly today, int days, GroupBy groupBy = GroupBy.Day) =>
        new(today.AddDays(1 - days), today, groupBy);

    /// <summary>The first day of the bucket <paramref name="day"/> falls in (weeks start on Monday, like PostgreSQL's).</summary>
    public DateOnly BucketOf(DateOnly day) => GroupBy switch
    {
        GroupBy.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        GroupBy.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>Every bucket start in the period, so series have no gaps where nothing happened.</summary>
    public IEnumerable<DateOnly> Buckets()
    {
        for (var b = BucketOf(From); b <= To; b = GroupBy switch
        {
            GroupBy.Week => b.AddDays(7),
            GroupBy.Month => b.AddMonths(1),
            _ => b.AddDays(1),
        })
        {
            yield return b;
        }
    }
}
