using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Clients;

public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", IssueAsync)
            .AllowAnonymous()
            .Accepts<TokenRequest>("application/x-www-form-urlencoded", "application/json")
            .WithTags("Tokens")
            .WithSummary("Exchanges an API client's id and secret for an access token (OAuth2 client credentials).");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        HttpContext context, ApiClientVerifier clients, AccessTokenFactory tokens, IOptions<TokenOptions> options)
    {
        var (request, errors) = await TokenRequest.ReadAsync(context.Request, context.RequestAborted);
        if (request is null)
        {
            // "error" keeps the RFC 6749 §5.2 code for OAuth client libraries.
            var code = errors!.ContainsKey("grant_type") && errors.Count == 1 ? "unsupported_grant_type" : "invalid_request";
            return TypedResults.ValidationProblem(errors, title: "The token request is invalid.",
                extensions: new Dictionary<string, object?> { ["error"] = code });
        }

        if (clients.Verify(request.ClientId!, request.ClientSecret!) is not { } client)
        {
            // Deliberately the same answer for an unknown id and a wrong secret.
            return TypedResults.Problem(title: "Invalid client credentials.", statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["error"] = "invalid_client" });
        }

        var lifetime = options.Value.AccessTokenLifetime;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TokenResponse(
            tokens.Create(client.Subject!, client.Role!, lifetime), "Bearer", (int)lifetime.TotalSeconds));
    }
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
