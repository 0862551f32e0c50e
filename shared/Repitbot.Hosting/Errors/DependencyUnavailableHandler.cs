using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.Hosting.Errors;

/// <summary>
/// Any route, any service: an exception that means PostgreSQL, Redis, RabbitMQ, SMTP or a service called
/// over HTTP is down becomes a 503 with <c>Retry-After</c> instead of a 500. An outage is expected and
/// reported by the readiness checks, so each request logs one warning line, not an error with a stack trace.
/// </summary>
internal sealed partial class DependencyUnavailableHandler(ILogger<DependencyUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DependencyFailure.Identify(exception) is not { } dependency || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(dependency, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, Innermost(exception).Message);
        await DependencyUnavailableResponse.WriteAsync(httpContext, dependency);
        return true;
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;

    [LoggerMessage(LogLevel.Warning, "{Dependency} is unavailable: answered 503 to {Method} {Path} ({ExceptionType}: {Reason})")]
    private partial void LogUnavailable(string dependency, string method, string path, string exceptionType, string reason);
}
