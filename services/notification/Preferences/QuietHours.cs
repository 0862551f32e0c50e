namespace Repitbot.Notification.Preferences;

/// <summary>When a message due at some instant may go out, given local quiet hours in a time zone.</summary>
public static class QuietHours
{
    /// <summary>
    /// <paramref name="due"/> itself when it falls outside quiet hours, else the instant they end. Hours that
    /// cross midnight (22:00–08:00) are the usual case.
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset due, TimeOnly? from, TimeOnly? to, TimeZoneInfo zone)
    {
        if (from is not { } start || to is not { } end || start == end)
        {
            return due;
        }

        var local = TimeZoneInfo.ConvertTime(due, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = start < end ? time >= start && time < end : time >= start || time < end;
        if (!inside)
        {
            return due;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (start > end && time >= start)
        {
            endDate = endDate.AddDays(1);
        }

        var localEnd = endDate.ToDateTime(end, DateTimeKind.Unspecified);
        // A quiet-hours end that falls into a spring-forward gap does not exist; the first valid minute after it
        // does (the gap's end). Gaps are 30 minutes to an hour, a whole day at most, so stepping by minutes is cheap.
        while (zone.IsInvalidTime(localEnd))
        {
            localEnd = localEnd.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localEnd, zone), TimeSpan.Zero);
    }
}
