using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Cli;

/// <summary><c>sessions revoke --sub &lt;subject&gt;</c>: signs one person out everywhere (their refresh tokens stop working).</summary>
public static class SessionsCommand
{
    public const string Name = "sessions";

    public const string Usage = """
        usage: Repitbot.Gateway sessions revoke --sub <subject>
          Revokes every refresh-token session of that subject (a user id). Access tokens already issued
          stay valid until they expire (Tokens__AccessTokenLifetime, 15 minutes by default).
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (values, error) = CommandLine.Parse(args.Length > 2 ? args[2..] : [], ["--sub"]);
        error ??= args.Length < 2 || args[1] != "revoke" ? "say revoke"
            : string.IsNullOrWhiteSpace(values.One("--sub")) ? "--sub is required" : null;
        if (error is not null)
        {
            await stderr.WriteLineAsync($"sessions: {error}");
            await stderr.WriteLineAsync(Usage);
            return ServiceRunner.ConfigurationError;
        }

        var subject = values.One("--sub")!;
        return await CliDatabase.RunAsync(configuration, stderr, Name, async db =>
        {
            var now = clock.GetUtcNow();
            var revoked = await db.RefreshFamilies.Where(f => f.Subject == subject && f.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevokedReason, "operator"),
                    cancellationToken);
            await stdout.WriteLineAsync($"{revoked}");
            await stderr.WriteLineAsync($"sessions: {revoked} session(s) of '{subject}' revoked");
            return 0;
        }, cancellationToken);
    }
}
