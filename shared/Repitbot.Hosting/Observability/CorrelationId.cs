using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.Hosting.Observability;

/// <summary>
/// Reads or creates <c>X-Correlation-Id</c>, echoes it on the response and puts it in the logging
/// scope so that every log line of the request carries it.
/// </summary>
public sealed class CorrelationId(RequestDelegate next, ILogger<CorrelationId> logger)
{
    public const string Header = "X-Correlation-Id";
    public const string ItemKey = "CorrelationId";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].FirstOrDefault() is { Length: > 0 and <= 128 } given
            ? given
            : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
