using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Gateway.Tokens;

namespace Repitbot.Gateway.RateLimits;

/// <summary>The one way a 429 looks: Retry-After in whole seconds and problem details.</summary>
public static class TooManyRequests
{
    public const string Title = "Too many requests.";

    public static ProblemHttpResult Answer(HttpContext context, string policy, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, policy, retryAfter);
        return TypedResults.Problem(title: Title, statusCode: StatusCodes.Status429TooManyRequests,
            detail: $"Try again in {seconds} s.");
    }

    public static int SetRetryAfter(HttpContext context, string policy, TimeSpan retryAfter)
    {
        GatewayMetrics.RateLimited.WithLabels(policy).Inc();
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
