using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Gateway.Tokens;

/// <summary>
/// Answers a refused access token with problem details that say why in one fixed sentence (never the
/// validator's exception text), and counts the refusal by reason.
/// </summary>
internal static class BearerChallenge
{
    private const string ReasonKey = "Repitbot.AuthFailure";

    public static JwtBearerEvents Events { get; } = new()
    {
        OnAuthenticationFailed = context =>
        {
            context.HttpContext.Items[ReasonKey] = Reason(context.Exception);
            return Task.CompletedTask;
        },
        OnChallenge = WriteAsync,
    };

    private static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var reason = http.Items[ReasonKey] as string
            ?? (string.IsNullOrEmpty(http.Request.Headers.Authorization) ? "missing" : "malformed");
        GatewayMetrics.AuthFailures.WithLabels(reason).Inc();
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = reason == "missing"
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{Describe(reason)}\"";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = reason == "missing" ? "An access token is required." : "The access token is invalid.",
                Detail = Describe(reason),
                Extensions = { ["error"] = reason == "missing" ? "missing_token" : "invalid_token" },
            },
        });
    }

    internal static string Reason(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not_yet_valid",
        SecurityTokenInvalidIssuerException => "wrong_issuer",
        SecurityTokenInvalidAudienceException => "wrong_audience",
        SecurityTokenInvalidAlgorithmException => "algorithm",
        SecurityTokenSignatureKeyNotFoundException => "unknown_key",
        SecurityTokenInvalidSignatureException => "signature",
        SecurityTokenNoExpirationException => "no_expiry",
        SecurityTokenMalformedException or ArgumentException => "malformed",
        _ => "invalid",
    };

    private static string Describe(string reason) => reason switch
    {
        "missing" => "Send an access token as 'Authorization: Bearer <token>'.",
        "expired" => "The token has expired.",
        "not_yet_valid" => "The token is not valid yet.",
        "wrong_issuer" => "The token was not issued by this gateway.",
        "wrong_audience" => "The token is not meant for this suite.",
        "algorithm" => "The token's signing algorithm is not accepted.",
        "unknown_key" => "The token is signed with a key this gateway does not know.",
        "signature" => "The token's signature does not verify.",
        "no_expiry" => "The token has no expiry.",
        "malformed" => "The token is not a well-formed JWT.",
        _ => "The token was refused.",
    };
}
