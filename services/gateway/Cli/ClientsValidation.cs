using System.Text.RegularExpressions;
using Repitbot.Gateway.Clients;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Cli;

public static partial class ClientsValidation
{
    /// <summary>What is wrong with a <c>clients add</c> command line, or null.</summary>
    public static string? ForAdd(Dictionary<string, List<string>> values, IConfiguration configuration)
    {
        var id = values.One("--id");
        var role = values.One("--role");
        var subject = values.One("--sub");
        var configured = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Clients ?? [];
        return id is null || !ClientId().IsMatch(id) ? "--id must be 1–64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"
            : configured.Any(c => c.Id == id) ? $"--id '{id}' is a client from configuration (Auth__Clients), which would shadow it"
            : role is null || !Roles.All.Contains(role) ? $"--role must be one of {string.Join(", ", Roles.All)}"
            : string.IsNullOrWhiteSpace(subject) || subject.Length > 128 ? "--sub is required (at most 128 characters)"
            : values.GetValueOrDefault("--scope")?.FirstOrDefault(s => !Scopes.IsValidName(s)) is { } bad ? $"--scope '{bad}': {Scopes.NameRule}"
            : null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex ClientId();
}
