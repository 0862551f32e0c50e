using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repitbot.Gateway.Clients;

/// <summary>An OAuth2 token request (RFC 6749 §4.4), form-encoded as the RFC says or as JSON.</summary>
public sealed record TokenRequest(
    [property: JsonPropertyName("grant_type")] string? GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope = null)
{
    public const string ClientCredentials = "client_credentials";

    private static readonly string[] Required = ["This field is required."];

    /// <summary>The request, or the fields that are wrong in it.</summary>
    public static async Task<(TokenRequest? Request, Dictionary<string, string[]>? Errors)> ReadAsync(
        HttpRequest http, CancellationToken cancellationToken)
    {
        TokenRequest? request;
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            request = new TokenRequest(form["grant_type"], form["client_id"], form["client_secret"], form["scope"]);
        }
        else if (http.HasJsonContentType())
        {
            try
            {
                request = await http.ReadFromJsonAsync<TokenRequest>(cancellationToken);
            }
            catch (JsonException)
            {
                return (null, new() { ["body"] = ["The request body is not valid JSON."] });
            }
        }
        else
        {
            return (null, new()
            {
                ["body"] = ["Send grant_type, client_id and client_secret as application/x-www-form-urlencoded or JSON."],
            });
        }

        var errors = request is null ? new() { ["body"] = Required } : request.Validate();
        return errors.Count == 0 ? (request, null) : (null, errors);
    }

    private Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(GrantType))
        {
            errors["grant_type"] = Required;
        }
        else if (GrantType != ClientCredentials)
        {
            errors["grant_type"] = [$"Only '{ClientCredentials}' is supported."];
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors["client_id"] = Required;
        }

        if (string.IsNullOrEmpty(ClientSecret))
        {
            errors["client_secret"] = Required;
        }

        if (Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !Scopes.IsValidName(s)) is { } bad)
        {
            errors["scope"] = [$"'{bad}' is not a scope name; {Scopes.NameRule}."];
        }

        return errors;
    }
}
