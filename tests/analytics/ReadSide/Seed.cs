using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>
/// A tutor's random but reproducible history over the last <c>days</c> days: lessons, payments,
/// homework, materials and an experiment, for a handful of students.
/// </summary>
public static class Seed
{
    public static readonly string[] Reasons = ["Болезнь", "Отпуск", "Перенос по просьбе ученика"];

    public static List<SeedEvent> Tutor(Guid tutorId, int seed, int days = 60, int students = 6)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var studentIds = Enumerable.Range(0, students).Select(_ => Guid.NewGuid()).ToArray();
        var materials = Enumerable.Range(0, 4).Select(i => (Id: Guid.NewGuid(), Title: $"Материал №{i + 1}")).ToArray();
        var events = new List<SeedEvent>();
        DateTimeOffset At() => now.AddMinutes(-random.Next(5, days * 24 * 60));

        foreach (var student in studentIds)
        {
            for (var i = random.Next(3, 12); i > 0; i--)
            {
                var lessonId = Guid.NewGuid();
                var scheduledAt = At();
                events.Add(SeedEvent.Of(new LessonScheduled
                {
                    EventId = Guid.NewGuid(), OccurredAt = scheduledAt, TutorId = tutorId, StudentId = student, LessonId = lessonId,
                    StartsAt = scheduledAt.AddDays(1), DurationMinutes = 60, PriceMinor = 150_000, Currency = "RUB",
                }, student));
                var outcome = random.Next(10);
                var doneAt = scheduledAt.AddMinutes(random.Next(1, 600));
                if (doneAt > now)
                {
                    continue;
                }

                if (outcome < 2)
                {
                    events.Add(SeedEvent.Of(new LessonCancelled
                    {
                        EventId = Guid.NewGuid(), OccurredAt = doneAt, TutorId = tutorId, StudentId = student, LessonId = lessonId,
                        StartsAt = scheduledAt.AddDays(1), Reason = Reasons[random.Next(Reasons.Length)], CancelledBy = CancelledBy.Student,
                    }, student));
                }
                else
                {
                    events.Add(SeedEvent.Of(new LessonCompleted
                    {
                        EventId = Guid.NewGuid(), OccurredAt = doneAt, TutorId = tutorId, StudentId = student, LessonId = lessonId,
                        Outcome = outcome < 4 ? LessonOutcome.NoShow : LessonOutcome.Attended, Minutes = outcome < 4 ? 0 : 30 + random.Next(4) * 15,
                    }, student));
                }
            }

            for (var i = random.Next(1, 4); i > 0; i--)
            {
                events.Add(SeedEvent.Of(new PaymentReceived
                {
                    EventId = Guid.NewGuid(), OccurredAt = At(), TutorId = tutorId, StudentId = student, PaymentId = Guid.NewGuid(),
                    AmountMinor = random.Next(1, 8) * 100_000, Currency = "RUB", Method = (PaymentMethod)random.Next(4), LessonsCovered = 2,
                }, student));
            }

            for (var i = random.Next(1, 5); i > 0; i--)
            {
                var homeworkId = Guid.NewGuid();
                var assignedAt = At();
                var due = assignedAt.AddDays(3);
                events.Add(SeedEvent.Of(new HomeworkAssigned
                {
                    EventId = Guid.NewGuid(), OccurredAt = assignedAt, TutorId = tutorId, StudentId = student, HomeworkId = homeworkId,
                    Title = "Упражнения", DueAt = due,
                }, student));
                var submittedAt = assignedAt.AddHours(random.Next(1, 120));
                if (submittedAt < now && random.Next(4) > 0)
                {
                    events.Add(SeedEvent.Of(new HomeworkSubmitted
                    {
                        EventId = Guid.NewGuid(), OccurredAt = submittedAt, TutorId = tutorId, StudentId = student, HomeworkId = homeworkId, DueAt = due,
                    }, student));
                    var gradedAt = submittedAt.AddHours(2);
                    if (gradedAt < now)
                    {
                        events.Add(SeedEvent.Of(new HomeworkGraded
                        {
                            EventId = Guid.NewGuid(), OccurredAt = gradedAt, TutorId = tutorId, StudentId = student, HomeworkId = homeworkId,
                            Score = random.Next(0, 101),
                        }, student));
                    }
                }
            }

            var material = materials[random.Next(materials.Length)];
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                events.Add(SeedEvent.Of(new MaterialViewed
                {
                    EventId = Guid.NewGuid(), OccurredAt = At(), TutorId = tutorId, StudentId = student, MaterialId = material.Id,
                }, student));
            }

            var variant = random.Next(2) == 0 ? "control" : "B";
            events.Add(SeedEvent.Of(new ExperimentAssigned
            {
                EventId = Guid.NewGuid(), OccurredAt = At(), TutorId = tutorId, Experiment = "onboarding", Variant = variant, UserId = student,
            }, null));
            if (random.Next(3) > 0)
            {
                events.Add(SeedEvent.Of(new ExperimentConverted
                {
                    EventId = Guid.NewGuid(), OccurredAt = now.AddMinutes(-1), TutorId = tutorId, Experiment = "onboarding", Variant = variant, UserId = student,
                }, null));
            }
        }

        foreach (var material in materials)
        {
            events.Add(SeedEvent.Of(new MaterialShared
            {
                EventId = Guid.NewGuid(), OccurredAt = At(), TutorId = tutorId, MaterialId = material.Id, Title = material.Title,
            }, null));
        }

        return events;
    }
}
