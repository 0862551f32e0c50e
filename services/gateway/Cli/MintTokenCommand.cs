using Repitbot.Gateway.Tokens;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Cli;

/// <summary>
/// <c>mint-token</c>: signs an access token with the gateway's key for an operator, without starting
/// the web host. Prints only the token on stdout, so that <c>TOKEN=$(...)</c> works.
/// </summary>
public static class MintTokenCommand
{
    public const string Name = "mint-token";

    public const string Usage = """
        usage: Repitbot.Gateway mint-token --role admin|tutor|student|service --sub <id> [--lifetime 12h] [--key <path>]
          --role      the token's role
          --sub       the token's subject (a user id, or a service name)
          --lifetime  90s, 30m, 12h, 7d or hh:mm:ss; default Tokens__AccessTokenLifetime (15 minutes)
          --key       the signing key's PEM file; default Tokens__SigningKeyPath
        Issuer and audience come from Jwt__Issuer and Jwt__Audience (appsettings.json has the defaults).
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var arguments = MintTokenArguments.Parse(IsInvoked(args) ? args[1..] : args);
        var tokens = configuration.GetSection(TokenOptions.Section).Get<TokenOptions>() ?? new TokenOptions();
        var keyPath = arguments.KeyPath ?? tokens.SigningKeyPath;
        var issuer = configuration["Jwt:Issuer"];
        var audience = configuration["Jwt:Audience"];
        var error = arguments.Error
            ?? (string.IsNullOrWhiteSpace(keyPath) ? "no signing key: pass --key or set Tokens__SigningKeyPath" : null)
            ?? (!File.Exists(keyPath) ? $"the signing key '{keyPath}' does not exist (the gateway creates it on its first start)" : null)
            ?? (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(audience) ? "Jwt__Issuer and Jwt__Audience must be set" : null);
        if (error is not null)
        {
            stderr.WriteLine($"mint-token: {error}");
            stderr.WriteLine(Usage);
            return ServiceRunner.ConfigurationError;
        }

        var factory = new AccessTokenFactory(SigningKey.LoadOrCreate(keyPath!), issuer!, audience!, clock);
        stdout.WriteLine(factory.Create(arguments.Subject!, arguments.Role!, arguments.Lifetime ?? tokens.AccessTokenLifetime));
        return 0;
    }
}
