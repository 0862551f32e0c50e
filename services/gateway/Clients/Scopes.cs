using System.Text.RegularExpressions;

namespace Repitbot.Gateway.Clients;

/// <summary>OAuth scopes (RFC 6749 §3.3): a space-separated list in requests and in the token's <c>scope</c> claim.</summary>
public static partial class Scopes
{
    public const string NameRule = "a scope is 1–64 characters of a-z, 0-9, ':', '.', '_' or '-'";

    public static bool IsValidName(string? name) => name is not null && ScopeName().IsMatch(name);

    /// <summary>
    /// The scopes to grant: all the client's scopes when it asks for none, else exactly those asked
    /// for; null when it asks for one it does not have (the answer is then invalid_scope).
    /// </summary>
    public static IReadOnlyList<string>? Grant(string? requested, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return allowed;
        }

        var asked = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return asked.All(allowed.Contains) ? asked : null;
    }

    [GeneratedRegex("^[a-z0-9:._-]{1,64}$")]
    private static partial Regex ScopeName();
}
