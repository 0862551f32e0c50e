using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;

namespace Repitbot.Analytics.Dashboard;

public static class DashboardApi
{
    private static readonly int[] AllowedPeriods = [7, 30, 90];

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", GetDashboard)
            .WithTags("Dashboard")
            .RequireAuthorization(Policies.TutorData)
            .WithSummary("Key figures for the last 7, 30 or 90 days, with the change against the period before.");
        return app;
    }

    private static async Task<Results<Ok<DashboardView>, ValidationProblem, ForbidHttpResult>> GetDashboard(
        HttpContext http, DashboardQuery query, int days = 7, Guid? tutorId = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedPeriods.Contains(days))
        {
            return FieldProblem.Of("days", $"days must be one of {string.Join(", ", AllowedPeriods)}.");
        }

        var scope = TutorScope.For(http.User, tutorId);
        return scope.Allowed ? TypedResults.Ok(await query.GetAsync(scope.TutorId, days, cancellationToken)) : TypedResults.Forbid();
    }
}
