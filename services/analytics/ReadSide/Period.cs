using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.People;

namespace Repitbot.Analytics.ReadSide;

public enum GroupBy { Day, Week, Month }

/// <summary>
/// Whole days <see cref="From"/> to <see cref="To"/>, both included, in the reader's <see cref="TimeZone"/> (an IANA id), and
/// how series are bucketed.
/// </summary>
public sealed record Period(DateOnly From, DateOnly To, GroupBy GroupBy)
{
    public string TimeZone { get; init; } = TimeZones.Utc;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first instant of <see cref="From"/> in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset Start => Midnight(From, TimeZone);

    /// <summary>Exclusive end: midnight after <see cref="To"/> in <see cref="TimeZone"/>.</summary>
    public DateTimeOffset End => Midnight(To.AddDays(1), TimeZone);

    public string Bucket => GroupBy.ToString().ToLowerInvariant();

    /// <summary>Today in <paramref name="timeZone"/>: the last day of a period that names none.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone = TimeZones.Utc) => TutorDays.LocalDay(clock.GetUtcNow(), timeZone);

    /// <summary>
    /// When <paramref name="day"/> begins in the zone: its local midnight, or where a clock change skips midnight
    /// (a few zones move their clocks at 00:00), the first instant after it that exists.
    /// </summary>
    public static DateTimeOffset Midnight(DateOnly day, string timeZone)
    {
        var zone = TutorDays.Zone(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

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
