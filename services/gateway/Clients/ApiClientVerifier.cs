using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Data;

namespace Repitbot.Gateway.Clients;

/// <summary>
/// Checks client credentials against the clients in configuration (the bootstrap clients, checked
/// first) and then against those created with <c>clients add</c>.
/// </summary>
public sealed class ApiClientVerifier(IOptionsMonitor<AuthOptions> options, GatewayDb db)
{
    // Compared against when the id is unknown, so a miss costs the same hash comparison as a hit.
    private static readonly byte[] NoSecret = new byte[32];

    public async Task<VerifiedClient?> VerifyAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var presentedHash = ClientSecret.Hash(clientSecret);
        if (FromConfiguration(clientId, presentedHash) is { } configured)
        {
            return configured;
        }

        var stored = await db.ApiClients.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == clientId && c.DisabledAt == null, cancellationToken);
        var matches = CryptographicOperations.FixedTimeEquals(stored?.SecretSha256 ?? NoSecret, presentedHash);
        return stored is not null && matches
            ? new VerifiedClient(stored.Id, stored.Role, stored.Subject, stored.Scopes)
            : null;
    }

    /// <summary>
    /// Every configured client is compared in constant time, so the time taken tells neither whether
    /// the id exists nor how much of the secret matched.
    /// </summary>
    private VerifiedClient? FromConfiguration(string clientId, byte[] presentedHash)
    {
        var presentedId = Encoding.UTF8.GetBytes(clientId);
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

        return match is null ? null : new VerifiedClient(match.Id!, match.Role!, match.Subject!, match.Scopes);
    }
}
