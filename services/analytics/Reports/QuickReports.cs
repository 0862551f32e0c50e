using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Sections;

namespace Repitbot.Analytics.Reports;

/// <summary>A report answered at once: one area over the last days; <see cref="AcceptsTimeZone"/> when it shows hours of the day.</summary>
public sealed record QuickReportKind(string Name, string TitleKey, bool StudentVisible, Func<ReportContext, Task<ReportSection>> Build)
    : IReadTarget<QuickReportKind>
{
    public bool AcceptsTimeZone { get; init; }

    static string IReadTarget<QuickReportKind>.RouteParameter => "kind";

    static string IReadTarget<QuickReportKind>.What => "report kind";

    static IReadOnlyList<QuickReportKind> IReadTarget<QuickReportKind>.All => QuickReports.Kinds;

    /// <summary>Every report prints when it was made in the reader's zone; only the lesson report also takes tz (its heatmap).</summary>
    static bool IReadTarget<QuickReportKind>.InReadersZone => true;
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
}
