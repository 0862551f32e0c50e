using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Analytics.Exports;
using Repitbot.Analytics.Rollups;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;

namespace Repitbot.Analytics.Admin;

/// <summary>Operator endpoints: rebuild Redis from PostgreSQL, check them against each other, recompute a day.</summary>
public static class AdminApi
{
    private const int MaxDays = 3660;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/rebuild-cache", RebuildCache)
            .WithSummary("Rewrites the Redis aggregates of UTC days from..to (default: every stored day) from PostgreSQL; tutorId limits it to one tutor.");
        admin.MapGet("/reconcile", Reconcile)
            .WithSummary("Reports every difference between Redis and PostgreSQL for UTC days from..to (default: the last 30 days).");
        admin.MapPost("/rollup", Rollup)
            .WithSummary("Recomputes one UTC day's rollups (default: yesterday) and the weekly retention cohorts from the stored events.");
        return app;
    }

    private static async Task<Results<Ok<RebuildReport>, ValidationProblem, ProblemHttpResult>> RebuildCache(CacheRebuilder rebuilder,
        StoredEvents events, string? from = null, string? to = null, Guid? tutorId = null, CancellationToken cancellationToken = default)
    {
        var span = await events.SpanAsync(tutorId, cancellationToken);
        var (scope, errors) = Scope(from ?? $"{span?.From ?? DateOnly.MinValue:yyyy-MM-dd}", to ?? $"{span?.To ?? DateOnly.MinValue:yyyy-MM-dd}", tutorId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await rebuilder.RebuildAsync(scope, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A rebuild of the Redis aggregates is running",
                detail: "An automatic rebuild from PostgreSQL holds the rebuild lease; it rewrites every aggregate. Try again when /health/ready shows redis-aggregates Healthy.");
    }

    private static async Task<Results<Ok<ReconcileReport>, ValidationProblem>> Reconcile(Reconciler reconciler, TimeProvider clock,
        string? from = null, string? to = null, Guid? tutorId = null, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (scope, errors) = Scope(from ?? $"{today.AddDays(-29):yyyy-MM-dd}", to ?? $"{today:yyyy-MM-dd}", tutorId);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await reconciler.ReconcileAsync(scope, cancellationToken));
    }

    private static async Task<Results<Ok<RollupReport>, ValidationProblem>> Rollup(DayRollup days, RetentionCohorts cohorts,
        TimeProvider clock, string? day = null, CancellationToken cancellationToken = default)
    {
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var (period, errors) = ExportPeriod.Parse(day ?? $"{yesterday:yyyy-MM-dd}", day ?? $"{yesterday:yyyy-MM-dd}", 1);
        if (errors.Count > 0)
        {
            return FieldProblem.Of("day", "day must be a date as yyyy-MM-dd.");
        }

        var report = await days.RecomputeAsync(period.From, cancellationToken);
        return TypedResults.Ok(new RollupReport(report, await cohorts.RecomputeAsync(cancellationToken)));
    }

    private static (RedisScope Scope, Dictionary<string, string[]> Errors) Scope(string from, string to, Guid? tutorId)
    {
        var (period, errors) = ExportPeriod.Parse(from, to, MaxDays);
        return (new RedisScope(period.From, period.To, tutorId), errors);
    }
}

public sealed record RollupReport(DayRollupReport Day, int RetentionRows);
