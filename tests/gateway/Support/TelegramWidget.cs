using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>Signs a Login Widget payload the way Telegram does, written out here independently of the gateway.</summary>
public static class TelegramWidget
{
    public static Dictionary<string, object> Payload(string botToken, long userId, DateTimeOffset authDate, string firstName = "Анна")
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = userId.ToString(CultureInfo.InvariantCulture),
            ["first_name"] = firstName,
            ["username"] = "anna_tutor",
            ["photo_url"] = "https://t.me/i/userpic/320/anna.jpg",
            ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        var dataCheckString = string.Join("\n", fields.Select(f => f.Key + "=" + f.Value));
        using var hmac = new HMACSHA256(SHA256.HashData(Encoding.UTF8.GetBytes(botToken)));
        var hash = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(dataCheckString)));
        // As the widget's callback hands it over: id and auth_date are numbers.
        return new Dictionary<string, object>
        {
            ["id"] = userId, ["first_name"] = firstName, ["username"] = fields["username"],
            ["photo_url"] = fields["photo_url"], ["auth_date"] = authDate.ToUnixTimeSeconds(), ["hash"] = hash,
        };
    }
}
