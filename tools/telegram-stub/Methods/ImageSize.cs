using System.Buffers.Binary;

namespace Repitbot.TelegramStub.Methods;

/// <summary>Reads width and height from PNG and JPEG headers; anything else is not an image Telegram would accept.</summary>
public static class ImageSize
{
    public static (int Width, int Height)? Read(byte[] b)
    {
        if (b.Length >= 24 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G')
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
        }

        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < b.Length && b[i] == 0xFF)
        {
            var marker = b[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
            }

            i += 2 + length;
        }

        return null;
    }
}
