using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Gateway.Tokens;

namespace Repitbot.Gateway.Sessions;

public static class SessionApi
{
    private const int MaxTokenLength = 256;
    private static readonly string[] Required = ["This field is required."];

    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/refresh", RefreshAsync)
            .Accepts<RefreshRequest>("application/x-www-form-urlencoded", "application/json")
            .WithSummary("Spends a refresh token for a new access token and a new refresh token. A spent token used again revokes the session.");
        auth.MapPost("/revoke", RevokeAsync)
            .Accepts<RevokeRequest>("application/x-www-form-urlencoded", "application/json")
            .WithSummary("Ends the session a refresh token belongs to (RFC 7009: 200 whether or not the token was known).");
        return auth;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        HttpContext context, RefreshTokens refreshTokens, TokenIssuer tokens)
    {
        var (fields, errors) = await AuthForm.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return OAuthProblem.Invalid(errors!, "The refresh request is invalid.");
        }

        if (fields.TryGetValue("grant_type", out var grant) && grant != "refresh_token")
        {
            return OAuthProblem.Invalid(new() { ["grant_type"] = ["Only 'refresh_token' is supported here."] },
                "The refresh request is invalid.", "unsupported_grant_type");
        }

        if (!fields.TryGetValue("refresh_token", out var presented) || string.IsNullOrEmpty(presented))
        {
            return OAuthProblem.Invalid(new() { ["refresh_token"] = Required }, "The refresh request is invalid.");
        }

        var outcome = presented.Length > MaxTokenLength
            ? RefreshOutcome.Failed("unknown")
            : await refreshTokens.RotateAsync(presented, context.RequestAborted);
        if (outcome.Family is not { } family)
        {
            return OAuthProblem.Unauthorized(OAuthProblem.InvalidGrant, $"refresh_{outcome.Failure}", Title(outcome.Failure));
        }

        context.Response.Headers.CacheControl = "no-store";
        var access = tokens.Issue("refresh_token", family.Subject, family.Role, SessionClaims.For(family));
        return TypedResults.Ok(tokens.Response(access, outcome.Token));
    }

    private static async Task<Results<Ok, ValidationProblem>> RevokeAsync(HttpContext context, RefreshTokens refreshTokens)
    {
        var (fields, errors) = await AuthForm.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return OAuthProblem.Invalid(errors!, "The revocation request is invalid.");
        }

        if (!fields.TryGetValue("token", out var presented) || string.IsNullOrEmpty(presented))
        {
            return OAuthProblem.Invalid(new() { ["token"] = Required }, "The revocation request is invalid.");
        }

        // Access tokens are short-lived and checked without a database, so only sessions are revoked;
        // an access token sent here is simply unknown, which RFC 7009 answers with 200 as well.
        if (presented.Length <= MaxTokenLength)
        {
            await refreshTokens.RevokeAsync(presented, context.RequestAborted);
        }

        return TypedResults.Ok();
    }

    private static string Title(string? failure) => failure switch
    {
        "reused" => "The refresh token was already used, so the session is revoked. Sign in again.",
        "revoked" => "The session was revoked. Sign in again.",
        "expired" => "The refresh token has expired. Sign in again.",
        _ => "The refresh token is not valid.",
    };
}

/// <summary>For the OpenAPI document: what /auth/refresh reads.</summary>
public sealed record RefreshRequest(
    [property: JsonPropertyName("grant_type")] string? GrantType,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);

/// <summary>For the OpenAPI document: what /auth/revoke reads (RFC 7009).</summary>
public sealed record RevokeRequest(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_type_hint")] string? TokenTypeHint);
