using System.Text.Json;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>Study levels and ratings in the students area and the students PDF, for a small fixture worked out by hand.</summary>
[Collection(ReadSideTests.Name)]
public sealed class StudentStandingsTests(ReadSideFactory factory)
{
    [Fact]
    public async Task The_students_area_and_PDF_show_each_students_latest_level_and_rating()
    {
        var tutorId = Guid.NewGuid();
        var (anna, boris, vera) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.StoreAsync(Fixture(tutorId, anna, boris, vera, DateTimeOffset.UtcNow.AddDays(-10)));
        using var tutor = factory.Tutor(tutorId);

        using var area = JsonDocument.Parse(await tutor.GetStringAsync("/api/v1/analytics/students"));
        var rows = area.RootElement.GetProperty("students").EnumerateArray().Select(s => (
            Name: s.GetProperty("name").GetString(), Level: s.GetProperty("level").GetString(),
            Rating: s.GetProperty("rating").ValueKind == JsonValueKind.Null ? (int?)null : s.GetProperty("rating").GetInt32(),
            Attendance: Number(s, "attendancePercent"), Homework: Number(s, "homeworkScore"), Punctuality: Number(s, "punctualityPercent"))).ToList();

        // Анна: attendance 3/5 = 60, homework (80+90+70)/3 = 80, punctuality 5/8 = 62.5 → (240 + 320 + 125) / 10 = 68.5 → 69.
        // Борис: homework 55 on time → (220 + 200) / 6 = 70. Вера: a level and nothing else to rate.
        Assert.Equal(
        [
            ("Борис Орлов", (string?)null, (int?)70, (double?)null, (double?)55, (double?)100),
            ("Анна Иванова", "B1", 69, 60, 80, 62.5),
            ("Вера Котова", "Продвинутый", null, null, null, null),
        ], rows);

        var bytes = await tutor.GetByteArrayAsync("/api/v1/reports/quick/student?days=30&locale=ru");
        if (Environment.GetEnvironmentVariable("REPITBOT_KEEP_PDF") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, bytes);
        }

        var pdf = PdfText.Read(bytes);
        Assert.True(pdf.Contains("Уровень и рейтинг"), "The students PDF has no level and rating table.");
        Assert.True(pdf.Contains("АннаИвановаB16960 %80") && pdf.Contains("62,5 %"), $"Анна's row is not in the PDF: {string.Join(" | ", pdf.Pages)}");
        Assert.True(pdf.Contains("ВераКотоваПродвинутый"), "Вера's level is not in the PDF.");
        var english = PdfText.Read(await tutor.GetByteArrayAsync("/api/v1/reports/quick/student?days=30&locale=en"));
        Assert.True(english.Contains("Level and rating") && english.Contains("62.5 %"), "The English PDF is not in English.");
    }

    [Fact]
    public async Task The_students_CSV_has_each_students_level_and_rating_columns()
    {
        var tutorId = Guid.NewGuid();
        var (anna, boris, vera) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.StoreAsync(Fixture(tutorId, anna, boris, vera, DateTimeOffset.UtcNow.AddDays(-10)));
        using var tutor = factory.Tutor(tutorId);

        var lines = (await tutor.GetStringAsync("/api/v1/reports/quick/student?days=30&format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

        Assert.Equal(["student_id", "last_lesson", "days_idle", "lessons_last_4_weeks", "lessons_previous_4_weeks", "score", "segment",
            "student_name", "level", "rating", "attendance_percent", "homework_score", "punctuality_percent"], lines[0]);
        var rows = lines.Skip(1).ToDictionary(l => l[7], l => string.Join(",", l[8..]));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Анна Иванова"] = "B1,69,60,80,62.5",
            ["Борис Орлов"] = ",70,,55,100",
            ["Вера Котова"] = "Продвинутый,,,,",
        }, rows);
        // Анна has attended lessons, so her churn columns are filled; Вера has none to judge by.
        Assert.Equal((anna.ToString(), "3"), (lines[1][0], lines[1][3]));
        Assert.Equal(["", ""], lines.Single(l => l[7] == "Вера Котова")[1..3]);
    }

    private static double? Number(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static List<SeedEvent> Fixture(Guid tutorId, Guid anna, Guid boris, Guid vera, DateTimeOffset at)
    {
        var events = new List<SeedEvent>();
        void Add<T>(T e, Guid student)
            where T : IDomainEvent => events.Add(SeedEvent.Of(e, student));
        Guid Id() => Guid.NewGuid();

        foreach (var (student, name) in new[] { (anna, "Анна Иванова"), (boris, "Борис Орлов"), (vera, "Вера Котова") })
        {
            Add(new UserRegistered { EventId = Id(), OccurredAt = at.AddDays(-30), TutorId = tutorId, UserId = student, Role = UserRole.Student, DisplayName = name }, student);
        }

        // Анна: 3 attended, 1 no-show, 1 cancelled by her 2 h ahead, 1 cancelled by the tutor (not hers to answer for).
        for (var i = 0; i < 3; i++)
        {
            Add(new LessonCompleted { EventId = Id(), OccurredAt = at.AddHours(i), TutorId = tutorId, StudentId = anna, LessonId = Id(), Outcome = LessonOutcome.Attended, Minutes = 60 }, anna);
        }

        Add(new LessonCompleted { EventId = Id(), OccurredAt = at.AddHours(4), TutorId = tutorId, StudentId = anna, LessonId = Id(), Outcome = LessonOutcome.NoShow, Minutes = 0 }, anna);
        Add(new LessonCancelled { EventId = Id(), OccurredAt = at.AddHours(5), TutorId = tutorId, StudentId = anna, LessonId = Id(), StartsAt = at.AddHours(7), Reason = "Болезнь", CancelledBy = CancelledBy.Student }, anna);
        Add(new LessonCancelled { EventId = Id(), OccurredAt = at.AddHours(6), TutorId = tutorId, StudentId = anna, LessonId = Id(), StartsAt = at.AddHours(8), Reason = "Отпуск", CancelledBy = CancelledBy.Tutor }, anna);
        // Анна's homework: two by the due time, one a day late; scores 80, 90, 70.
        foreach (var late in new[] { false, false, true })
        {
            Add(new HomeworkSubmitted { EventId = Id(), OccurredAt = at.AddHours(10), TutorId = tutorId, StudentId = anna, HomeworkId = Id(), DueAt = at.AddHours(late ? -14 : 20) }, anna);
        }

        foreach (var score in new[] { 80, 90, 70 })
        {
            Add(new HomeworkGraded { EventId = Id(), OccurredAt = at.AddHours(12), TutorId = tutorId, StudentId = anna, HomeworkId = Id(), Score = score }, anna);
        }

        // Levels: Анна A2 then B1 (the latest counts); Вера on the tutor's own scale.
        Add(new StudentLevelChanged { EventId = Id(), OccurredAt = at.AddDays(-5), TutorId = tutorId, StudentId = anna, Level = "A2" }, anna);
        Add(new StudentLevelChanged { EventId = Id(), OccurredAt = at.AddDays(-1), TutorId = tutorId, StudentId = anna, Level = "B1", PreviousLevel = "A2" }, anna);
        Add(new StudentLevelChanged { EventId = Id(), OccurredAt = at, TutorId = tutorId, StudentId = vera, Level = "Продвинутый", Scale = "custom" }, vera);

        // Борис: one piece of homework without a due time, graded 55.
        Add(new HomeworkSubmitted { EventId = Id(), OccurredAt = at, TutorId = tutorId, StudentId = boris, HomeworkId = Id() }, boris);
        Add(new HomeworkGraded { EventId = Id(), OccurredAt = at.AddHours(1), TutorId = tutorId, StudentId = boris, HomeworkId = Id(), Score = 55 }, boris);
        return events;
    }
}
