using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
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

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetQuickReport(
        ReadRequest<QuickReportKind> read, HttpRequest http, ReportRenderer renderer, ResultCache cache, TimeProvider clock,
        IOptions<JsonOptions> json, int days = QuickReports.DefaultDays, string format = "pdf", string? locale = null)
    {
        var (report, scope) = (read.Target, read.Scope);
        format = format.ToLowerInvariant();
        if (days is < QuickReports.MinDays or > QuickReports.MaxDays)
        {
            return ReadProblems.Invalid("days", $"days must be between {QuickReports.MinDays} and {QuickReports.MaxDays}.");
        }

        if (!QuickReports.Formats.Contains(format))
        {
            return ReadProblems.Invalid("format", $"format must be one of {string.Join(", ", QuickReports.Formats)}.");
        }

        var text = ChartText.For(locale, http);
        var (zone, today) = await read.ZoneAsync();
        var period = Period.LastDays(today, days) with { TimeZone = zone };
        var body = await cache.GetOrCreateAsync("report", scope, $"{report.Name}:{period.From:yyyyMMdd}:{period.To:yyyyMMdd}:{format}:{text.Locale}:{zone}", async (services, ct) =>
        {
            using var timer = ReportRenderer.Measure(report.Name, format);
            var section = await report.Build(new ReportContext(services, scope, period, text, ct));
            var subject = await ReportSubject.OfAsync(scope, text, services.GetRequiredService<Profiles>(), ct);
            var heading = new ReportHeading(text[report.TitleKey], ReportSubject.Period(period, text), subject, clock.GetUtcNow(),
                TitlePage: false) { TimeZone = zone };
            return renderer.Render(format, heading, [section], text, json.Value.SerializerOptions);
        }, http.HttpContext.RequestAborted);
        return TypedResults.File(body, ReportRenderer.ContentTypes[format], $"{report.Name}-report-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.{format}");
    }
}
