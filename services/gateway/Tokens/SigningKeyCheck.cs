using System.Security.Cryptography;
using Repitbot.Hosting.Startup;

namespace Repitbot.Gateway.Tokens;

/// <summary>Loads the keys before serving, so an unreadable key file stops the start with one line.</summary>
internal sealed class SigningKeyCheck(IServiceProvider services) : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<SigningKeyRing>();
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new StartupTaskFailedException($"the signing key (Tokens__SigningKeyPath) cannot be loaded: {ex.Message}", ex);
        }
    }
}
