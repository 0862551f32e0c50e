using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>The same figures as the service, computed the obvious way over the seeded events.</summary>
public static class Naive
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static IEnumerable<T> In<T>(this IEnumerable<SeedEvent> events, DateOnly from, DateOnly to) => events
        .Where(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime) >= from && DateOnly.FromDateTime(e.OccurredAt.UtcDateTime) <= to)
        .Select(e => e.Body).OfType<T>();

    public static (int Attended, int NoShows, int Minutes, int Cancelled, int Scheduled) Lessons(IEnumerable<SeedEvent> events, DateOnly from, DateOnly to)
    {
        var completed = events.In<LessonCompleted>(from, to).ToList();
        return (completed.Count(l => l.Outcome == LessonOutcome.Attended), completed.Count(l => l.Outcome == LessonOutcome.NoShow),
            completed.Sum(l => l.Minutes), events.In<LessonCancelled>(from, to).Count(), events.In<LessonScheduled>(from, to).Count());
    }
}
