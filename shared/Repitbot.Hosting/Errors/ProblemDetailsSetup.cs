using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Observability;

namespace Repitbot.Hosting.Errors;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddRepitbotProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            if (context.HttpContext.Items[CorrelationId.ItemKey] is string correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }

            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                UseJsonFieldNames(validation.Errors);
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DependencyUnavailableHandler>();
        services.AddValidatedOptions<DependencyErrorOptions>(DependencyErrorOptions.Section);
        DependencyUnavailableResponse.CreateSeries();
        // Without this, minimal APIs answer a bad body with an empty 400 and the field is never named.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// .NET 10 validation reports C# member names ("Minutes"); clients sent JSON names ("minutes").
    /// </summary>
    private static void UseJsonFieldNames(IDictionary<string, string[]> errors)
    {
        var renamed = errors
            .GroupBy(e => string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)), StringComparer.Ordinal)
            .ToList();
        errors.Clear();
        foreach (var field in renamed)
        {
            errors[field.Key] = field.SelectMany(e => e.Value).ToArray();
        }
    }
}
