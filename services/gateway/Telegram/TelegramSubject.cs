using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Repitbot.Gateway.Telegram;

/// <summary>
/// The subject of a Telegram user the bot gateway does not know (with <c>Telegram__UnknownUsers=student</c>):
/// a name-based UUID (RFC 9562 version 8) of the Telegram id, so the same person gets the same id on
/// every sign-in and it can never collide with the random (version 4) ids the bot gateway assigns.
/// </summary>
public static class TelegramSubject
{
    public static Guid For(long telegramUserId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(
            "repitbot:telegram:" + telegramUserId.ToString(CultureInfo.InvariantCulture)))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
