using System.ComponentModel.DataAnnotations;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Clients;

/// <summary>API clients allowed to obtain tokens with their own credentials (OAuth2 client credentials).</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    public List<ApiClient> Clients { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Clients.Count; i++)
        {
            var client = Clients[i];
            var prefix = $"Auth__Clients__{i}__";
            if (string.IsNullOrWhiteSpace(client.Id))
            {
                yield return Failure($"{prefix}Id is missing.");
            }
            else if (Clients.FindIndex(c => c.Id == client.Id) != i)
            {
                yield return Failure($"{prefix}Id '{client.Id}' is used by another client.");
            }

            if (client.SecretSha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
            {
                yield return Failure($"{prefix}SecretSha256 must be the hex SHA-256 of the secret (64 hex digits).");
            }

            if (!Roles.All.Contains(client.Role))
            {
                yield return Failure($"{prefix}Role must be one of {string.Join(", ", Roles.All)}.");
            }

            if (string.IsNullOrWhiteSpace(client.Subject))
            {
                yield return Failure($"{prefix}Subject is missing (the token's sub).");
            }

            if (client.Scopes.FirstOrDefault(s => !Scopes.IsValidName(s)) is { } badScope)
            {
                yield return Failure($"{prefix}Scopes has '{badScope}'; {Scopes.NameRule}.");
            }
        }
    }

    private static ValidationResult Failure(string message) => new(message, [nameof(Clients)]);
}

public sealed class ApiClient
{
    public string? Id { get; set; }

    /// <summary>Only the hash is configured, so a leaked configuration does not leak the secret.</summary>
    public string? SecretSha256 { get; set; }

    public string? Role { get; set; }

    public string? Subject { get; set; }

    /// <summary>What the client may ask for in <c>scope</c>; all of it when it asks for nothing.</summary>
    public List<string> Scopes { get; set; } = [];
}
