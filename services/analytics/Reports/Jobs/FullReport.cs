using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Sections;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Every area over the job's period, one section at a time, reporting progress after each.</summary>
public sealed class FullReport(IServiceProvider services, ReportRenderer renderer, IOptions<JsonOptions> json, TimeProvider clock)
{
    private static readonly Func<ReportContext, Task<ReportSection>>[] Sections =
    [
        LessonsSection.BuildAsync, PaymentsSection.BuildAsync, StudentsSection.BuildAsync,
        HomeworkSection.BuildAsync, MaterialsSection.BuildAsync, ExperimentsSection.BuildAsync,
    ];

    public async Task<ReportFile> BuildAsync(ReportJob job, Func<int, Task> progress, CancellationToken ct)
    {
        using var timer = ReportRenderer.Measure("full", job.Format);
        var text = ChartText.For(job.Locale);
        // No tz in a job: the heatmap is in the tutor's time zone when analytics knows it, else UTC.
        var zone = await TimeZones.ResolveAsync(null, [job.TutorId], services.GetRequiredService<Profiles>(), ct) ?? TimeZones.Utc;
        var period = new Period(job.FromDay, job.ToDay, GroupByFor(job)) { TimeZone = zone };
        var context = new ReportContext(services, new AnalyticsScope(job.TutorId, null), period, text, ct);
        var sections = new List<ReportSection>();
        foreach (var build in Sections)
        {
            sections.Add(await build(context));
            // Sections are ~90 % of the work; the last 10 % is drawing the file.
            await progress(sections.Count * 90 / Sections.Length);
        }

        var subject = await ReportSubject.OfAsync(context.Scope, text, services.GetRequiredService<Profiles>(), ct);
        var heading = new ReportHeading(text["full-report"], ReportSubject.Period(period, text), subject, clock.GetUtcNow(),
            TitlePage: true) { TimeZone = zone };
        var content = renderer.Render(job.Format, heading, sections, text, json.Value.SerializerOptions);
        return new ReportFile
        {
            JobId = job.Id,
            FileName = $"full-report-{job.FromDay:yyyy-MM-dd}-{job.ToDay:yyyy-MM-dd}.{job.Format}",
            ContentType = ReportRenderer.ContentTypes[job.Format],
            Content = content,
        };
    }

    /// <summary>Daily rows for a month, weekly for half a year, monthly beyond, so tables stay readable.</summary>
    private static GroupBy GroupByFor(ReportJob job) => (job.ToDay.DayNumber - job.FromDay.DayNumber) switch
    {
        <= 31 => GroupBy.Day,
        <= 184 => GroupBy.Week,
        _ => GroupBy.Month,
    };
}
