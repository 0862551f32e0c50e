using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Sections;

namespace Repitbot.Analytics.Reports;

/// <summary>A report answered at once: one area over the last days, in the reader's days.</summary>
public sealed record QuickReportKind(string Name, string TitleKey, bool StudentVisible, Func<ReportContext, Task<ReportSection>> Build)
    : IReadTarget<QuickReportKind>
{
    static string IReadTarget<QuickReportKind>.RouteParameter => "kind";

    static string IReadTarget<QuickReportKind>.What => "report kind";

    static IReadOnlyList<QuickReportKind> IReadTarget<QuickReportKind>.All => QuickReports.Kinds;
}

public static class QuickReports
{
    public const int MinDays = 1, MaxDays = 366, DefaultDays = 7;
    public static readonly IReadOnlyList<string> Formats = ["pdf", "csv", "json"];

    public static readonly IReadOnlyList<QuickReportKind> Kinds =
    [
        new("lesson", "lesson-report", true, LessonsSection.BuildAsync),
        new("payment", "payment-report", false, PaymentsSection.BuildAsync),
        new("student", "student-report", false, StudentsSection.BuildAsync),
    ];
}
