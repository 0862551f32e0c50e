using System.Buffers.Binary;

namespace Repitbot.Analytics.Caching;

/// <summary>
/// A cached result with the data version it was computed from and when: 16 bytes of header
/// (version, computed-at in Unix milliseconds, both big-endian) followed by the body.
/// </summary>
public sealed record CacheEntry(long Version, DateTimeOffset ComputedAt, byte[] Body)
{
    private const int Header = 16;

    public byte[] ToBytes()
    {
        var bytes = new byte[Header + Body.Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Version);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), ComputedAt.ToUnixTimeMilliseconds());
        Body.CopyTo(bytes, Header);
        return bytes;
    }

    /// <summary>Null for anything too short to be an entry (an old-format value left behind by an earlier version).</summary>
    public static CacheEntry? From(byte[] bytes) => bytes.Length < Header ? null : new CacheEntry(
        BinaryPrimitives.ReadInt64BigEndian(bytes),
        DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8))),
        bytes[Header..]);
}
