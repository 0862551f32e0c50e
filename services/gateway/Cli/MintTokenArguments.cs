using System.Globalization;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Cli;

/// <summary>The parsed command line of <c>mint-token</c>; <see cref="Error"/> says what is wrong with it.</summary>
public sealed record MintTokenArguments(string? Role, string? Subject, TimeSpan? Lifetime, string? KeyPath, string? Error)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public static MintTokenArguments Parse(IReadOnlyList<string> args)
    {
        var (values, error) = CommandLine.Parse(args, ["--role", "--sub", "--lifetime", "--key"]);
        if (error is not null)
        {
            return Invalid(error);
        }

        var role = values.One("--role");
        var subject = values.One("--sub");
        TimeSpan? lifetime = null;
        if (values.One("--lifetime") is { } text)
        {
            lifetime = ParseLifetime(text);
            if (lifetime is null || lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            {
                return Invalid($"--lifetime '{text}' is not a duration between 1s and 365d (e.g. 90s, 30m, 12h, 7d)");
            }
        }

        return role is null || !Roles.All.Contains(role) ? Invalid($"--role must be one of {string.Join(", ", Roles.All)}")
            : string.IsNullOrWhiteSpace(subject) ? Invalid("--sub is required")
            : new MintTokenArguments(role, subject, lifetime, values.One("--key"), null);
    }

    private static MintTokenArguments Invalid(string error) => new(null, null, null, null, error);

    private static TimeSpan? ParseLifetime(string text)
    {
        if (text.Length > 1 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }

        // A bare number would read as days; only hh:mm:ss is accepted without a unit.
        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : null;
    }
}
