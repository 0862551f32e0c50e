using Repitbot.Analytics.Charts;
using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports;

/// <summary>The lines that say whose data and which days a report covers.</summary>
public static class ReportSubject
{
    /// <summary>"Репетитор: Мария Иванова": the name from the profile events, the id only when analytics knows no name.</summary>
    public static async Task<string> OfAsync(AnalyticsScope scope, ChartText text, Profiles profiles, CancellationToken cancellationToken)
    {
        var names = await profiles.NamesAsync(new[] { scope.StudentId, scope.TutorId }.OfType<Guid>(), cancellationToken);
        return scope switch
        {
            { StudentId: { } student } => $"{text["student"]}: {names.GetValueOrDefault(student, student.ToString())}",
            { TutorId: { } tutor } => $"{text["tutor"]}: {names.GetValueOrDefault(tutor, tutor.ToString())}",
            _ => text["all-tutors"],
        };
    }

    public static string Period(Period period, ChartText text) => $"{text.LongDay(period.From)} — {text.LongDay(period.To)}";

    /// <summary>"Сформирован: 6 декабря 2026, 04:12 (Europe/Moscow)": in the reader's time zone, which is named.</summary>
    public static string Generated(ReportHeading heading, ChartText text) =>
        $"{text["generated"]}: {TimeZoneInfo.ConvertTime(heading.Generated, TimeZoneInfo.FindSystemTimeZoneById(heading.TimeZone)).ToString("d MMMM yyyy, HH:mm", text.Culture)} ({heading.TimeZone})";
}
