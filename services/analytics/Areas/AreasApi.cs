using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.ReadSide;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.Areas;

public static class AreasApi
{
    /// <summary>Two years: longer spans belong in a full report (POST /api/v1/reports).</summary>
    public const int MaxDays = 731;

    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/analytics/{area}", GetArea)
            .WithTags("Analytics")
            .RequireAuthorization(Policies.AnyUser)
            .WithSummary("One analytics area (lessons, payments, students, homework, materials, experiments) for a period.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetArea(
        ReadRequest<AreaDefinition> read, ResultCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null, string? groupBy = null)
    {
        var errors = new Dictionary<string, string[]>();
        var reader = await read.ZoneAsync();
        if (PeriodQuery.TryParse(reader.Today, from, to, groupBy, MaxDays, errors) is not { } parsed)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var area = read.Target;
        var period = parsed with { TimeZone = reader.TimeZone };
        var query = new AreaQuery(read.Scope, period);
        var body = await cache.GetOrCreateAsync("area", read.Scope, $"{area.Name}:{period.From:yyyyMMdd}:{period.To:yyyyMMdd}:{period.Bucket}:{reader.TimeZone}",
            async (services, ct) => JsonSerializer.SerializeToUtf8Bytes(await area.Load(services, query, ct),
                json.Value.SerializerOptions), cancellationToken);
        return TypedResults.File(body, "application/json");
    }
}
