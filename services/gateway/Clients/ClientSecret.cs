using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Repitbot.Gateway.Clients;

/// <summary>
/// Client secrets are 256 random bits, so a plain SHA-256 is enough to store them: there is nothing to
/// guess that a slow, salted hash would protect (unlike a password chosen by a person).
/// </summary>
public static class ClientSecret
{
    public static string Generate() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
