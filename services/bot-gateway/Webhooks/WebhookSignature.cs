using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Repitbot.BotGateway.Webhooks;

/// <summary>
/// <c>X-Repitbot-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// Several v1 values may be sent (while a secret is rotated); one matching is enough.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Repitbot-Signature";

    public enum Verdict { Valid, Missing, Stale, Mismatch }

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static Verdict Check(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        long? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)
                && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                candidates.Add(part[3..]);
            }
        }

        if (timestamp is not { } ts || candidates.Count == 0)
        {
            return Verdict.Missing;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - ts) > window.TotalSeconds)
        {
            return Verdict.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, ts, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c.ToLowerInvariant())))
            ? Verdict.Valid
            : Verdict.Mismatch;
    }
}
