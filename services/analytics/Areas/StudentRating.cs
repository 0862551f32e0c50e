namespace Repitbot.Analytics.Areas;

/// <summary>What one student did in a period, as the rating counts it (services/analytics/README.md, "Student rating").</summary>
public sealed record RatingCounts(long Attended, long NoShows, long CancelledByStudent, long LateCancellations,
    long HomeworkOnTime, long HomeworkLate, long Graded, long ScoreSum);

/// <summary>The rating (0–100) and its three parts (0–100 each); a part is null when the period holds nothing to judge it by.</summary>
public sealed record RatingScore(int? Rating, double? AttendancePercent, double? HomeworkScore, double? PunctualityPercent);

/// <summary>
/// A student's rating over a period, 0–100, from three parts (each 0–100):
/// attendance = attended ÷ (attended + no-shows + lessons the student or parent cancelled);
/// homework = the mean HomeworkGraded score;
/// punctuality = on time ÷ (on time + late), on time = attended lessons + homework handed in by its due time
/// (or with none), late = no-shows + cancellations by the student or parent less than 24 h before the lesson +
/// homework handed in after its due time.
/// Rating = (4 × attendance + 4 × homework + 2 × punctuality) ÷ the weights of the parts that exist, rounded half
/// away from zero; null when no part exists. Decimal arithmetic, so equal inputs give equal ratings everywhere.
/// </summary>
public static class StudentRating
{
    private const decimal AttendanceWeight = 4;
    private const decimal HomeworkWeight = 4;
    private const decimal PunctualityWeight = 2;

    public static readonly TimeSpan LateCancellation = TimeSpan.FromHours(24);

    public static RatingScore Of(RatingCounts c)
    {
        var attendance = Share(c.Attended, c.Attended + c.NoShows + c.CancelledByStudent);
        var homework = c.Graded == 0 ? (decimal?)null : (decimal)c.ScoreSum / c.Graded;
        var onTime = c.Attended + c.HomeworkOnTime;
        var punctuality = Share(onTime, onTime + c.NoShows + c.LateCancellations + c.HomeworkLate);

        var parts = new[] { (attendance, AttendanceWeight), (homework, HomeworkWeight), (punctuality, PunctualityWeight) }
            .Where(p => p.Item1 is not null).ToList();
        int? rating = parts.Count == 0
            ? null
            : (int)Math.Round(parts.Sum(p => p.Item1!.Value * p.Item2) / parts.Sum(p => p.Item2), MidpointRounding.AwayFromZero);
        return new RatingScore(rating, Round(attendance), Round(homework), Round(punctuality));
    }

    private static decimal? Share(long part, long whole) => whole == 0 ? null : 100m * part / whole;

    private static double? Round(decimal? value) =>
        value is { } v ? (double)Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
