using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.Exports;

public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/export/events", ExportEvents)
            .WithTags("Export")
            .RequireAuthorization(Policies.TutorData)
            .WithSummary("Streams stored events of UTC days from..to (inclusive) as CSV or JSON Lines; a tutor gets their own.");
        app.MapPost("/api/v1/import", Import)
            .WithTags("Export")
            .RequireAuthorization(Policies.Admin)
            .Accepts<string>("application/x-ndjson")
            .WithSummary("Loads events from JSON Lines ({\"type\": ..., \"event\": {...}} per line); reports each bad line.");
        return app;
    }

    private static Results<PushStreamHttpResult, ValidationProblem, ForbidHttpResult> ExportEvents(HttpContext http,
        EventExport export, IOptions<ExportOptions> options, string? from = null, string? to = null,
        string? format = "jsonl", Guid? tutorId = null)
    {
        var (period, errors) = ExportPeriod.Parse(from, to, options.Value.MaxDays);
        ExportFormat? parsed = format?.ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "jsonl" or "ndjson" => ExportFormat.Jsonl,
            _ => null,
        };
        if (parsed is null)
        {
            errors["format"] = ["format must be csv or jsonl."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = TutorScope.For(http.User, tutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        var (contentType, extension) = parsed == ExportFormat.Csv ? ("text/csv; charset=utf-8", "csv") : ("application/x-ndjson", "jsonl");
        return TypedResults.Stream(stream => export.WriteAsync(stream, parsed!.Value, period, scope.TutorId, http.RequestAborted),
            contentType, $"events-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.{extension}");
    }

    private static async Task<Ok<ImportReport>> Import(HttpContext http, EventImport import, IOptions<ExportOptions> options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxImportBytes;
        }

        return TypedResults.Ok(await import.ImportAsync(http.Request.Body, http.RequestAborted));
    }
}
