namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// The per tutor and day counters. Each is a column of <c>daily_tutor_stats</c> and a field of the Redis
/// day hash, both named <see cref="Counters.Name"/> (snake_case): add a member, add a column.
/// </summary>
public enum Counter
{
    LessonsScheduled,
    LessonsRescheduled,
    LessonsCancelled,
    LessonsCompleted,
    NoShows,
    MinutesTaught,
    HomeworkAssigned,
    HomeworkSubmitted,
    HomeworkGraded,
    HomeworkScoreSum,
    MaterialsShared,
    MaterialsViewed,
    NewStudents,
    StudentsUnlinked,
    Payments,
    Refunds,
}

public static class Counters
{
    public static readonly Counter[] All = Enum.GetValues<Counter>();

    private static readonly string[] Names = All.Select(c =>
        System.Text.RegularExpressions.Regex.Replace(c.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant()).ToArray();

    public static string Name(this Counter counter) => Names[(int)counter];
}
