namespace Repitbot.Notification.Planning;

/// <summary>When the next daily digest goes out: the next <c>hour:00</c> in the reader's time zone.</summary>
public static class DigestSchedule
{
    public const string ItemGroupPrefix = "digest:";

    public static DateTimeOffset NextAt(DateTimeOffset after, int hour, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var candidate = local.Date.AddHours(hour);
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        while (zone.IsInvalidTime(candidate))
        {
            candidate = candidate.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(candidate, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    /// <summary>The carrier row's idempotency key, which is also the group key of the items it carries.</summary>
    public static string CarrierKey(Guid recipientId, DateTimeOffset at) => $"{ItemGroupPrefix}{recipientId:N}:{at:yyyyMMddHHmm}";
}
