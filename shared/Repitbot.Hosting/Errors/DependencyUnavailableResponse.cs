using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Repitbot.Hosting.Errors;

/// <summary>
/// The one answer for "a server we need is down": 503, <c>Retry-After</c>, and problem details that name
/// the dependency (never its address or credentials). Used by the exception handler of every service
/// and by the gateway when a service behind it does not answer.
/// </summary>
public static class DependencyUnavailableResponse
{
    public const string Title = "A dependency is unavailable.";
    public const string Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4";

    private static readonly Counter Answered = Metrics.CreateCounter("repitbot_dependency_unavailable_total",
        "Requests answered 503 because a dependency (PostgreSQL, Redis, RabbitMQ, SMTP, a service) was unavailable.",
        "dependency");

    /// <summary>Series for the dependencies every service may name, so that "none unavailable" reads 0, not "no data".</summary>
    public static void CreateSeries()
    {
        foreach (var dependency in new[]
                 { DependencyFailure.PostgreSql, DependencyFailure.Redis, DependencyFailure.RabbitMq, DependencyFailure.Smtp, DependencyFailure.HttpService })
        {
            Answered.WithLabels(dependency);
        }
    }

    public static async Task WriteAsync(HttpContext context, string dependency)
    {
        var retryAfter = context.RequestServices.GetRequiredService<IOptions<DependencyErrorOptions>>().Value.RetryAfterSeconds;
        Answered.WithLabels(dependency).Inc();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Type,
                Title = Title,
                Detail = $"{dependency} is unavailable at the moment; retry in {retryAfter} s.",
                Extensions = { ["dependency"] = dependency },
            },
        });
    }
}
