using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class StudentsSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<StudentsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        ReportKpi[] kpis =
        [
            new(t["new-students"], t.Number(area.NewStudents)), new(t["dau"], t.Number(area.Dau)), new(t["wau"], t.Number(area.Wau)),
            new(t["mau"], t.Number(area.Mau)), new(t["stickiness"], t.Percent(area.StickinessPercent)),
        ];
        var churn = new ReportTable(t["churn-risk"], [t["student"], t["last-lesson"], t["days-idle"], t["trend"], t["risk"], t["segment"]],
            area.ChurnRisk.Select(c => (IReadOnlyList<string>)[c.Name, t.LongDay(c.LastLesson),
                t.Number(c.DaysSinceLastLesson), $"{c.LessonsLast4Weeks} / {c.LessonsPrevious4Weeks}", t.Number(c.Score), t[c.Segment]]).ToList(),
            [1.3f, 1.6f, 1, 1, 0.8f, 1]);
        var standings = new ReportTable(t["level-rating"],
            [t["student"], t["level"], t["rating"], t["attendance"], t["average-score"], t["punctuality"]],
            area.Students.Select(s => (IReadOnlyList<string>)[s.Name, s.Level ?? "—", s.Rating is { } r ? t.Number(r) : "—",
                t.Percent(s.AttendancePercent), s.HomeworkScore is { } h ? h.ToString("0.#", t.Culture) : "—", t.Percent(s.PunctualityPercent)]).ToList(),
            [1.4f, 1.3f, 0.9f, 1.3f, 1, 1.4f]);
        return new ReportSection("students", t["students"], kpis, [await context.ChartAsync("retention")], [standings, churn], area, Csv(area));
    }

    /// <summary>
    /// One row per student with a churn risk or a standing: churn risk first (riskiest first), then the others in rating order.
    /// Columns are only ever added at the end, so readers by position keep working; empty where a figure does not exist.
    /// </summary>
    private static ReportTable Csv(StudentsReport area)
    {
        var standingOf = area.Students.ToDictionary(s => s.StudentId);
        var churnOf = area.ChurnRisk.ToDictionary(c => c.StudentId);
        var students = area.ChurnRisk.Select(c => (c.StudentId, c.Name))
            .Concat(area.Students.Where(s => !churnOf.ContainsKey(s.StudentId)).Select(s => (s.StudentId, s.Name)));
        return new ReportTable("students",
            ["student_id", "last_lesson", "days_idle", "lessons_last_4_weeks", "lessons_previous_4_weeks", "score", "segment", "student_name",
                "level", "rating", "attendance_percent", "homework_score", "punctuality_percent"],
            students.Select(student =>
            {
                var c = churnOf.GetValueOrDefault(student.StudentId);
                var s = standingOf.GetValueOrDefault(student.StudentId);
                return (IReadOnlyList<string>)[student.StudentId.ToString(), c?.LastLesson.ToString("yyyy-MM-dd", null) ?? "",
                    ReportContext.Raw(c?.DaysSinceLastLesson), ReportContext.Raw(c?.LessonsLast4Weeks), ReportContext.Raw(c?.LessonsPrevious4Weeks),
                    ReportContext.Raw(c?.Score), c?.Segment ?? "", student.Name, s?.Level ?? "", ReportContext.Raw(s?.Rating),
                    ReportContext.Raw(s?.AttendancePercent), ReportContext.Raw(s?.HomeworkScore), ReportContext.Raw(s?.PunctualityPercent)];
            }).ToList());
    }
}
