using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.People;
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

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> GetArea(
        HttpContext http, string area, ResultCache cache, TimeProvider clock, IOptions<JsonOptions> json,
        Profiles profiles, DateOnly? from = null, DateOnly? to = null, string? groupBy = null, Guid? tutorId = null, string? tz = null)
    {
        if (AreaCatalog.Find(area) is not { } definition)
        {
            return ReadProblems.Unknown("area", area, AreaCatalog.All.Select(a => a.Name));
        }

        var errors = new Dictionary<string, string[]>();
        var period = PeriodQuery.TryParse(Today(clock), from, to, groupBy, MaxDays, errors);
        if (period is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (tz is not null && !definition.AcceptsTimeZone)
        {
            return ReadProblems.Invalid("tz", $"The area '{definition.Name}' has no tz parameter.");
        }

        if (AnalyticsScope.For(http.User, tutorId) is not { } scope || scope.IsStudent && !definition.StudentVisible)
        {
            return TypedResults.Forbid();
        }

        var zone = TimeZones.Utc;
        if (definition.AcceptsTimeZone)
        {
            if (await TimeZones.ForRequestAsync(tz, http.User, scope, profiles, http.RequestAborted) is not { } resolved)
            {
                return ReadProblems.Invalid("tz", TimeZones.Error(tz!));
            }

            zone = resolved;
        }

        var query = new AreaQuery(scope, period, zone);
        var body = await cache.GetOrCreateAsync("area", scope, $"{definition.Name}:{period.From:yyyyMMdd}:{period.To:yyyyMMdd}:{period.Bucket}:{zone}",
            async (services, ct) => JsonSerializer.SerializeToUtf8Bytes(await definition.Load(services, query, ct),
                json.Value.SerializerOptions), http.RequestAborted);
        return TypedResults.File(body, "application/json");
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
