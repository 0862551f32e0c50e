using Repitbot.Analytics.Reports.Sections;

namespace Repitbot.Analytics.Reports;

/// <summary>A report answered at once: one area over the last days; <see cref="AcceptsTimeZone"/> when it shows hours of the day.</summary>
public sealed record QuickReportKind(string Name, string TitleKey, bool StudentVisible, Func<ReportContext, Task<ReportSection>> Build)
{
    public bool AcceptsTimeZone { get; init; }
}

public static class QuickReports
{
    public const int MinDays = 1, MaxDays = 366, DefaultDays = 7;
    public static readonly IReadOnlyList<string> Formats = ["pdf", "csv", "json"];

    public static readonly IReadOnlyList<QuickReportKind> Kinds =
    [
        new("lesson", "lesson-report", true, LessonsSection.BuildAsync) { AcceptsTimeZone = true },
        new("payment", "payment-report", false, PaymentsSection.BuildAsync),
        new("student", "student-report", false, StudentsSection.BuildAsync),
    ];

    public static QuickReportKind? Find(string name) =>
        Kinds.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
