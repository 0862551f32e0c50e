using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.Streams;

/// <summary>
/// Seeded random domain events of every type for a few tutors, spread over the last ~70 days (so over
/// several monthly partitions), some exactly on UTC midnight.
/// </summary>
public sealed class RandomEvents(int seed)
{
    private static readonly string[] Currencies = ["RUB", "USD", "EUR"];
    private static readonly string[] Reasons = ["Sick", " sick ", "Holiday", "Заболел", "no reason given"];
    private readonly Random _random = new(seed);

    public List<IDomainEvent> For(IReadOnlyList<Guid> tutors, int count)
    {
        var students = tutors.ToDictionary(t => t, _ => Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray());
        var materials = tutors.ToDictionary(t => t, _ => Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray());
        return Enumerable.Range(0, count).Select(_ =>
        {
            var tutor = Pick(tutors);
            return Next(tutor, Pick(students[tutor]), Pick(materials[tutor]), When());
        }).ToList();
    }

    /// <summary>The stream as the bus might deliver it: some events twice, the order shuffled, cut into batches.</summary>
    public List<List<IDomainEvent>> Delivered(List<IDomainEvent> events)
    {
        var withCopies = events.Concat(events.Where(_ => _random.NextDouble() < 0.15)).ToList();
        var shuffled = withCopies.OrderBy(_ => _random.Next()).ToList();
        var batches = new List<List<IDomainEvent>>();
        for (var i = 0; i < shuffled.Count;)
        {
            var size = _random.Next(1, 60);
            batches.Add(shuffled.Skip(i).Take(size).ToList());
            i += size;
        }

        return batches;
    }

    private DateTimeOffset When()
    {
        var day = DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-_random.Next(0, 70));
        return _random.Next(10) switch
        {
            0 => new DateTimeOffset(day, TimeSpan.Zero),
            1 => new DateTimeOffset(day.AddDays(1).AddTicks(-10), TimeSpan.Zero).Clamp(),
            // An offset other than UTC must still land on the UTC day.
            2 => new DateTimeOffset(day.AddHours(1), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(3)),
            _ => new DateTimeOffset(day.AddSeconds(_random.Next(86_400)), TimeSpan.Zero).Clamp(),
        };
    }

    private IDomainEvent Next(Guid tutor, Guid student, Guid material, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        return _random.Next(18) switch
        {
            0 => new LessonScheduled { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), StartsAt = at.AddDays(2), DurationMinutes = 60, PriceMinor = 150_000, Currency = "RUB" },
            1 => new LessonRescheduled { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), PreviousStartsAt = at, StartsAt = at.AddDays(1), DurationMinutes = 45 },
            2 => new LessonCancelled { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), StartsAt = at, Reason = Pick(Reasons), CancelledBy = Pick(Enum.GetValues<CancelledBy>()) },
            3 => new LessonCompleted { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), Outcome = LessonOutcome.Attended, Minutes = _random.Next(30, 121) },
            // Logged up to 4 days after it was held: counts on the day it was held.
            4 => new LessonCompleted { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), Outcome = LessonOutcome.Attended, Minutes = _random.Next(30, 121), StartsAt = at.AddMinutes(-_random.Next(0, 4 * 24 * 60)) },
            // Reported before its planned start: counts when it was reported.
            5 => new LessonCompleted { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LessonId = Guid.NewGuid(), Outcome = LessonOutcome.NoShow, Minutes = 0, StartsAt = _random.Next(2) == 0 ? null : at.AddMinutes(_random.Next(1, 48 * 60)) },
            6 => new HomeworkAssigned { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, HomeworkId = Guid.NewGuid(), Title = "Упражнение 5" },
            7 => new HomeworkSubmitted { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, HomeworkId = Guid.NewGuid() },
            8 => new HomeworkGraded { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, HomeworkId = Guid.NewGuid(), Score = _random.Next(0, 101) },
            9 => new PaymentReceived { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, PaymentId = Guid.NewGuid(), AmountMinor = _random.Next(1, 500_000), Currency = Pick(Currencies), Method = PaymentMethod.Card, LessonsCovered = 1 },
            10 => new PaymentRefunded { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, PaymentId = Guid.NewGuid(), AmountMinor = _random.Next(1, 100_000), Currency = Pick(Currencies) },
            11 => new MaterialShared { EventId = id, OccurredAt = at, TutorId = tutor, MaterialId = material, Title = "Grammar", StudentId = _random.Next(2) == 0 ? null : student },
            12 or 13 => new MaterialViewed { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, MaterialId = material },
            14 => new StudentLinked { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LinkId = Guid.NewGuid(), ValidFrom = at },
            15 => new StudentUnlinked { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, LinkId = Guid.NewGuid(), ValidTo = at },
            16 => new BalanceLow { EventId = id, OccurredAt = at, TutorId = tutor, StudentId = student, BalanceMinor = 100, Currency = "RUB" },
            _ => new ExperimentAssigned { EventId = id, OccurredAt = at, TutorId = tutor, Experiment = "onboarding", Variant = "b", UserId = student },
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

internal static class Clamping
{
    /// <summary>Events may not lie in the future: today's random times are pulled back to now.</summary>
    public static DateTimeOffset Clamp(this DateTimeOffset at) => at > DateTimeOffset.UtcNow ? DateTimeOffset.UtcNow.AddMinutes(-1) : at;
}
