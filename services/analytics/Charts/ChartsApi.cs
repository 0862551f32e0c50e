using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.Charts;

public sealed record ChartTypeView(string Name, string Title, bool StudentVisible, IReadOnlyList<ChartParameter> Parameters);

public static class ChartsApi
{
    public static IEndpointRouteBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var charts = app.MapGroup("/api/v1/charts").WithTags("Charts").RequireAuthorization(Policies.AnyUser);
        charts.MapGet("/types", GetTypes).WithSummary("Every chart type with its parameters.");
        charts.MapGet("/{type}", GetChart).WithSummary("Draws one chart as PNG or SVG.");
        return app;
    }

    private static Ok<ChartTypeView[]> GetTypes(HttpRequest request, string? locale = null)
    {
        var text = ChartText.For(locale, request);
        return TypedResults.Ok(ChartCatalog.All
            .Select(c => new ChartTypeView(c.Name, text[c.Name], c.StudentVisible, ChartCatalog.Parameters(c))).ToArray());
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> GetChart(
        HttpContext http, string type, ChartRenderer renderer, ResultCache cache, Profiles profiles, TimeProvider clock,
        int? days = null, string? format = null, int? width = null, int? height = null, string? groupBy = null,
        string? locale = null, Guid? tutorId = null, string? tz = null)
    {
        if (ChartCatalog.Find(type) is not { } chart)
        {
            return ReadProblems.Unknown("chart type", type, ChartCatalog.All.Select(c => c.Name));
        }

        var errors = new Dictionary<string, string[]>();
        if (ChartRequest.TryParse(chart, AreasApi.Today(clock), days, format, width, height, groupBy, errors) is not { } request)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (tz is not null && !chart.AcceptsTimeZone)
        {
            return ReadProblems.Invalid("tz", $"The chart '{chart.Name}' has no tz parameter.");
        }

        if (AnalyticsScope.For(http.User, tutorId) is not { } scope || scope.IsStudent && !chart.StudentVisible)
        {
            return TypedResults.Forbid();
        }

        var zone = TimeZones.Utc;
        if (chart.AcceptsTimeZone)
        {
            if (await TimeZones.ForRequestAsync(tz, http.User, scope, profiles, http.RequestAborted) is not { } resolved)
            {
                return ReadProblems.Invalid("tz", TimeZones.Error(tz!));
            }

            zone = resolved;
        }

        var text = ChartText.For(locale, http.Request);
        var key = $"{chart.Name}:{request.Period.From:yyyyMMdd}:{request.Period.To:yyyyMMdd}:{request.Period.Bucket}:{request.Format}:{request.Width}x{request.Height}:{text.Locale}:{zone}";
        var body = await cache.GetOrCreateAsync("chart", scope, key, async (services, ct) =>
        {
            using var timer = ChartRenderer.Measure(chart.Name, request.Format);
            var figure = await chart.LoadAsync(new ChartContext(services, scope, request.Period, text, ct) { TimeZone = zone });
            return request.Format == "svg"
                ? Encoding.UTF8.GetBytes(renderer.Svg(figure, text, request.Width, request.Height))
                : renderer.Png(figure, text, request.Width, request.Height);
        }, http.RequestAborted);
        return TypedResults.File(body, request.Format == "svg" ? "image/svg+xml" : "image/png");
    }
}
