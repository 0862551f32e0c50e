namespace Repitbot.Analytics.Ingestion;

/// <summary>What one event adds to its tutor's day; also the shape of a day's (or period's) totals.</summary>
public readonly record struct DailyCounters(long LessonsCompleted, long NoShows, long MinutesTaught)
{
    public static DailyCounters operator +(DailyCounters a, DailyCounters b) =>
        new(a.LessonsCompleted + b.LessonsCompleted, a.NoShows + b.NoShows, a.MinutesTaught + b.MinutesTaught);

    public bool IsEmpty => LessonsCompleted == 0 && NoShows == 0 && MinutesTaught == 0;
}
