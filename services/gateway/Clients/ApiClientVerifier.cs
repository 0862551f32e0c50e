using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Repitbot.Gateway.Clients;

public sealed class ApiClientVerifier(IOptionsMonitor<AuthOptions> options)
{
    /// <summary>
    /// The configured client with this id and secret, or null. Every client is compared in constant
    /// time, so the time taken tells neither whether the id exists nor how much of the secret matched.
    /// </summary>
    public ApiClient? Verify(string clientId, string clientSecret)
    {
        var presentedId = Encoding.UTF8.GetBytes(clientId);
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret));
        ApiClient? match = null;
        foreach (var client in options.CurrentValue.Clients)
        {
            var idMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.Id ?? ""), presentedId);
            var secretMatches = CryptographicOperations.FixedTimeEquals(Convert.FromHexString(client.SecretSha256 ?? ""), presentedHash);
            if (idMatches & secretMatches)
            {
                match = client;
            }
        }

        return match;
    }
}
