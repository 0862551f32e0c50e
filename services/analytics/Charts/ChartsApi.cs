using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Analytics.Areas;
using Repitbot.Analytics.Caching;
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

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetChart(
        ReadRequest<ChartDefinition> read, HttpRequest http, ChartRenderer renderer, ResultCache cache,
        int? days = null, string? format = null, int? width = null, int? height = null, string? groupBy = null, string? locale = null)
    {
        var chart = read.Target;
        var errors = new Dictionary<string, string[]>();
        var reader = await read.ZoneAsync();
        if (ChartRequest.TryParse(chart, reader.Today, days, format, width, height, groupBy, errors) is not { } request)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var text = ChartText.For(locale, http);
        var key = $"{chart.Name}:{request.Period.From:yyyyMMdd}:{request.Period.To:yyyyMMdd}:{request.Period.Bucket}:{request.Format}:{request.Width}x{request.Height}:{text.Locale}:{reader.TimeZone}";
        var body = await cache.GetOrCreateAsync("chart", read.Scope, key, async (services, ct) =>
        {
            using var timer = ChartRenderer.Measure(chart.Name, request.Format);
            var figure = await chart.LoadAsync(new ChartContext(services, read.Scope, request.Period with { TimeZone = reader.TimeZone }, text, ct));
            return request.Format == "svg"
                ? Encoding.UTF8.GetBytes(renderer.Svg(figure, text, request.Width, request.Height))
                : renderer.Png(figure, text, request.Width, request.Height);
        }, http.HttpContext.RequestAborted);
        return TypedResults.File(body, request.Format == "svg" ? "image/svg+xml" : "image/png");
    }
}
