using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Charts;

namespace Repitbot.Analytics.Reports;

/// <summary>The lines that say whose data and which days a report covers.</summary>
public static class ReportSubject
{
    public static string Of(AnalyticsScope scope, ChartText text) => scope switch
    {
        { StudentId: { } student } => $"{text["student"]}: {student}",
        { TutorId: { } tutor } => $"{text["tutor"]}: {tutor}",
        _ => text["all-tutors"],
    };

    public static string Period(Period period, ChartText text) => $"{text.LongDay(period.From)} — {text.LongDay(period.To)}";
}
