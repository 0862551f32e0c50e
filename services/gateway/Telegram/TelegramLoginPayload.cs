using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Repitbot.Gateway.Telegram;

/// <summary>
/// The Telegram Login Widget's payload, checked as Telegram documents it: HMAC-SHA256 over the
/// data-check-string (every received field but <c>hash</c>, sorted by name, as <c>name=value</c> lines
/// joined by '\n') with SHA256(bot token) as the key, and <c>auth_date</c> recent enough.
/// </summary>
public sealed class TelegramLoginPayload
{
    private static readonly string[] Required = ["This field is required."];
    private readonly IReadOnlyDictionary<string, string> _fields;
    private readonly byte[] _hash;

    private TelegramLoginPayload(IReadOnlyDictionary<string, string> fields, long userId, long authDate, byte[] hash)
    {
        _fields = fields;
        UserId = userId;
        AuthDate = DateTimeOffset.FromUnixTimeSeconds(authDate);
        _hash = hash;
    }

    public long UserId { get; }

    public DateTimeOffset AuthDate { get; }

    /// <summary>The payload, or the fields that are missing or malformed.</summary>
    public static (TelegramLoginPayload? Payload, Dictionary<string, string[]>? Errors) Parse(IReadOnlyDictionary<string, string> fields)
    {
        var errors = new Dictionary<string, string[]>();
        var id = ReadLong(fields, "id", errors, mustBePositive: true);
        var authDate = ReadLong(fields, "auth_date", errors, mustBePositive: true);
        byte[]? hash = null;
        if (!fields.TryGetValue("hash", out var hex) || hex.Length == 0)
        {
            errors["hash"] = Required;
        }
        else if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            errors["hash"] = ["Must be 64 hexadecimal digits."];
        }
        else
        {
            hash = Convert.FromHexString(hex);
        }

        return errors.Count > 0 ? (null, errors) : (new TelegramLoginPayload(fields, id, authDate, hash!), null);
    }

    public bool IsSignedWith(string botToken)
    {
        var dataCheckString = string.Join('\n', _fields
            .Where(f => f.Key != "hash")
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value}"));
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(botToken));
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(dataCheckString));
        return CryptographicOperations.FixedTimeEquals(expected, _hash);
    }

    private static long ReadLong(IReadOnlyDictionary<string, string> fields, string name, Dictionary<string, string[]> errors,
        bool mustBePositive)
    {
        if (!fields.TryGetValue(name, out var text) || text.Length == 0)
        {
            errors[name] = Required;
            return 0;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (mustBePositive && value <= 0))
        {
            errors[name] = ["Must be a positive whole number."];
        }

        return value;
    }
}
