using Microsoft.AspNetCore.Http.HttpResults;

namespace Repitbot.Gateway.Tokens;

/// <summary>
/// Problem details for the /auth endpoints. The extension member <c>error</c> carries the RFC 6749 §5.2
/// code, so OAuth client libraries understand the answer as well as people do.
/// </summary>
public static class OAuthProblem
{
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string InvalidRequest = "invalid_request";
    public const string InvalidScope = "invalid_scope";
    public const string AccessDenied = "access_denied";
    public const string TemporarilyUnavailable = "temporarily_unavailable";

    public static ProblemHttpResult Create(int status, string error, string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = error });

    /// <summary>A refused credential: counted by reason, answered 401.</summary>
    public static ProblemHttpResult Unauthorized(string error, string reason, string title, string? detail = null)
    {
        GatewayMetrics.AuthFailures.WithLabels(reason).Inc();
        return Create(StatusCodes.Status401Unauthorized, error, title, detail);
    }

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title, string error = InvalidRequest) =>
        TypedResults.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?> { ["error"] = error });
}
