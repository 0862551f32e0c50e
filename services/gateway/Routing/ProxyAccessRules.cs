using Microsoft.AspNetCore.Authentication;
using Repitbot.Gateway.Edge;
using Repitbot.Gateway.Tenancy;
using Repitbot.Gateway.Tokens;

namespace Repitbot.Gateway.Routing;

/// <summary>
/// Checks that run only for proxied requests, after the route's authorization policy passed, and cost
/// no I/O: a presented token must be valid even on an anonymous route (a bad token is an attack, not
/// an absent one), and the tenant parameters must name the caller.
/// </summary>
internal static class ProxyAccessRules
{
    public static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        if (context.User.Identity?.IsAuthenticated != true && !string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            await context.ChallengeAsync();
            return;
        }

        if (!TenantGuard.Allows(context.User, context.Request.Query))
        {
            GatewayMetrics.AuthFailures.WithLabels("tenant").Inc();
            await ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "You may act only on your own data.",
                "A tutor may name only themselves as tutorId; a student only themselves as studentId or userId.");
            return;
        }

        await next(context);
    }
}
