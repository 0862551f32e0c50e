using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Gateway.RateLimits;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Clients;

public static class ClientCredentialsApi
{
    public static RouteGroupBuilder MapClientCredentialsApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/token", IssueAsync)
            .Accepts<TokenRequest>("application/x-www-form-urlencoded", "application/json")
            .WithSummary("Exchanges an API client's id and secret for an access token (OAuth2 client credentials).");
        return auth;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        HttpContext context, ApiClientVerifier clients, TokenIssuer tokens, ClientRateLimiter limiter)
    {
        var (request, errors) = await TokenRequest.ReadAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            var code = errors!.ContainsKey("grant_type") && errors.Count == 1 ? "unsupported_grant_type" : OAuthProblem.InvalidRequest;
            return OAuthProblem.Invalid(errors, "The token request is invalid.", code);
        }

        // Counted per client id before the secret is checked, so guessing one client's secret is slow.
        if (await limiter.RejectAsync(context, $"client:{request.ClientId}") is { } limited)
        {
            return limited;
        }

        if (await clients.VerifyAsync(request.ClientId!, request.ClientSecret!, context.RequestAborted) is not { } client)
        {
            // Deliberately the same answer for an unknown id and a wrong secret.
            return OAuthProblem.Unauthorized(OAuthProblem.InvalidClient, "client_credentials", "Invalid client credentials.");
        }

        if (Scopes.Grant(request.Scope, client.Scopes) is not { } granted)
        {
            return OAuthProblem.Invalid(new() { ["scope"] = ["The client may not ask for one of these scopes."] },
                "The token request is invalid.", OAuthProblem.InvalidScope);
        }

        var scope = granted.Count > 0 ? string.Join(' ', granted) : null;
        Claim[] claims = scope is null ? [] : [new Claim(RepitbotClaims.Scope, scope)];
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(tokens.Response(tokens.Issue("client_credentials", client.Subject, client.Role, claims), scope: scope));
    }
}
