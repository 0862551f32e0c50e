using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Repitbot.Hosting.Errors;

/// <summary>
/// Turns the framework's <see cref="BadHttpRequestException"/> (invalid JSON, wrong types, missing
/// body, oversized body) into problem details that name the offending field, instead of a bare 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var errors = RequestErrorDescriber.Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
                    _ => "The request is invalid.",
                },
                Detail = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
            },
        });
    }
}
