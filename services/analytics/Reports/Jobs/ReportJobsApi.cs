using Repitbot.Analytics.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Charts;
using Repitbot.Analytics.ReadSide;
using Repitbot.Hosting.Auth;

namespace Repitbot.Analytics.Reports.Jobs;

public sealed record FullReportRequest(DateOnly? From, DateOnly? To, string? Format, string? Locale, Guid? TutorId);

public sealed record ReportJobView(Guid Id, string Status, int ProgressPercent, DateOnly From, DateOnly To, string Format, int Attempts,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? FileUrl)
{
    public static ReportJobView Of(ReportJob j) => new(j.Id, j.Status, j.Progress, j.FromDay, j.ToDay, j.Format, j.Attempts, j.Error,
        j.CreatedAt, j.StartedAt, j.FinishedAt, j.Status == "done" ? $"/api/v1/reports/{j.Id}/file" : null);
}

public static class ReportJobsApi
{
    public static readonly IReadOnlyList<string> Formats = ["pdf", "json"];

    public static IEndpointRouteBuilder MapReportJobsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.TutorData);
        reports.MapPost("/", Start).WithSummary("Starts a full report (every area, any period) in the background.");
        reports.MapGet("/{id:guid}", Status).WithSummary("A report job's status and progress in percent.");
        reports.MapGet("/{id:guid}/file", File).WithSummary("The finished report's file.");
        return app;
    }

    private static async Task<Results<Accepted<ReportJobView>, ValidationProblem, ForbidHttpResult>> Start(HttpContext http,
        FullReportRequest request, ReportJobStore store, ReportSignal signal, TimeProvider clock, IOptions<ReportOptions> options,
        Profiles profiles, CancellationToken cancellationToken)
    {
        var format = (request.Format ?? "pdf").ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            return ReadProblems.Invalid("format", $"format must be one of {string.Join(", ", Formats)}.");
        }

        var scope = TutorScope.For(http.User, request.TutorId);
        if (!scope.Allowed)
        {
            return TypedResults.Forbid();
        }

        // The report is in the tutor's zone (FullReport), so a period it has to fill in ends on the tutor's today.
        var to = request.To
            ?? Period.Today(clock, await TimeZones.ResolveAsync(null, [scope.TutorId], profiles, cancellationToken) ?? TimeZones.Utc);
        var from = request.From ?? to.AddDays(1 - PeriodQuery.DefaultDays);

        if (from > to)
        {
            return ReadProblems.Invalid("from", "from must not be after to.");
        }

        if (to.DayNumber - from.DayNumber + 1 > options.Value.MaxDays)
        {
            return ReadProblems.Invalid("to", $"A full report covers at most {options.Value.MaxDays} days.");
        }

        var job = new ReportJob
        {
            Id = Guid.CreateVersion7(), RequestedBy = http.User.FindFirst(RepitbotClaims.Subject)?.Value ?? "unknown",
            TutorId = scope.TutorId, FromDay = from, ToDay = to, Format = format, Locale = ChartText.For(request.Locale, http.Request).Locale,
            Status = "queued", CreatedAt = clock.GetUtcNow(),
        };
        await store.AddAsync(job, http.RequestAborted);
        signal.Notify();
        return TypedResults.Accepted($"/api/v1/reports/{job.Id}", ReportJobView.Of(job));
    }

    private static async Task<Results<Ok<ReportJobView>, NotFound>> Status(HttpContext http, Guid id, ReportJobStore store) =>
        await VisibleAsync(http, id, store) is { } job ? TypedResults.Ok(ReportJobView.Of(job)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> File(HttpContext http, Guid id, ReportJobStore store)
    {
        if (await VisibleAsync(http, id, store) is not { } job)
        {
            return TypedResults.NotFound();
        }

        if (job.Status != "done" || await store.FileAsync(id, http.RequestAborted) is not { } file)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The report is not ready.",
                detail: $"The job is {job.Status} ({job.Progress} %). Poll /api/v1/reports/{id} until its status is done.");
        }

        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A job is visible to admins and services, and to the tutor it is about; to anyone else it does not exist.</summary>
    private static async Task<ReportJob?> VisibleAsync(HttpContext http, Guid id, ReportJobStore store)
    {
        var job = await store.FindAsync(id, http.RequestAborted);
        return job is not null && (http.User.IsAdminOrService() || job.TutorId is { } tutor && tutor == http.User.UserId()) ? job : null;
    }
}
