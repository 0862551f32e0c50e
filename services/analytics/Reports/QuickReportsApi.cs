using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Reports.Sections;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.Reports;

public static class QuickReportsApi
{
    public static IEndpointRouteBuilder MapQuickReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/quick/{kind}", GetQuickReport)
            .WithTags("Reports")
            .RequireAuthorization(Policies.AnyUser)
            .WithSummary("A lesson, payment or student report over the last days, as PDF, CSV or JSON, answered at once.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> GetQuickReport(
        HttpContext http, string kind, ReportRenderer renderer, ResultCache cache, Profiles profiles, TimeProvider clock,
        IOptions<JsonOptions> json, int days = QuickReports.DefaultDays, string format = "pdf", string? locale = null, Guid? tutorId = null,
        string? tz = null)
    {
        if (QuickReports.Find(kind) is not { } report)
        {
            return ReadProblems.Unknown("report kind", kind, QuickReports.Kinds.Select(k => k.Name));
        }

        format = format.ToLowerInvariant();
        if (days is < QuickReports.MinDays or > QuickReports.MaxDays)
        {
            return ReadProblems.Invalid("days", $"days must be between {QuickReports.MinDays} and {QuickReports.MaxDays}.");
        }

        if (!QuickReports.Formats.Contains(format))
        {
            return ReadProblems.Invalid("format", $"format must be one of {string.Join(", ", QuickReports.Formats)}.");
        }

        if (tz is not null && !report.AcceptsTimeZone)
        {
            return ReadProblems.Invalid("tz", $"The {report.Name} report has no tz parameter.");
        }

        if (AnalyticsScope.For(http.User, tutorId) is not { } scope || scope.IsStudent && !report.StudentVisible)
        {
            return TypedResults.Forbid();
        }

        // Every report prints when it was made in the reader's zone; only the lesson report also takes tz (its heatmap).
        if (await TimeZones.ForRequestAsync(report.AcceptsTimeZone ? tz : null, http.User, scope, profiles, http.RequestAborted)
            is not { } zone)
        {
            return ReadProblems.Invalid("tz", TimeZones.Error(tz!));
        }

        var text = ChartText.For(locale, http.Request);
        var period = Period.LastDays(AreasApi.Today(clock), days);
        var body = await cache.GetOrCreateAsync("report", scope, $"{report.Name}:{period.From:yyyyMMdd}:{period.To:yyyyMMdd}:{format}:{text.Locale}:{zone}", async (services, ct) =>
        {
            using var timer = ReportRenderer.Measure(report.Name, format);
            var section = await report.Build(new ReportContext(services, scope, period, text, ct) { TimeZone = zone });
            var subject = await ReportSubject.OfAsync(scope, text, services.GetRequiredService<Profiles>(), ct);
            var heading = new ReportHeading(text[report.TitleKey], ReportSubject.Period(period, text), subject, clock.GetUtcNow(),
                TitlePage: false) { TimeZone = zone };
            return renderer.Render(format, heading, [section], text, json.Value.SerializerOptions);
        }, http.RequestAborted);
        return TypedResults.File(body, ReportRenderer.ContentTypes[format], $"{report.Name}-report-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.{format}");
    }
}
