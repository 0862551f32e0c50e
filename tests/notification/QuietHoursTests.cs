using Repitbot.Notification.Preferences;

namespace Repitbot.Notification.Tests;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Ten = new(22, 0);
    private static readonly TimeOnly Eight = new(8, 0);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    // 20:30 UTC is 23:30 in Moscow (inside 22–08): waits until 08:00 Moscow = 05:00 UTC next day.
    [InlineData("Europe/Moscow", "2026-03-01T20:30:00Z", "2026-03-02T05:00:00Z")]
    // The same instant is 05:30 next day in Tokyo (inside, after midnight): 08:00 Tokyo = 23:00 UTC.
    [InlineData("Asia/Tokyo", "2026-03-01T20:30:00Z", "2026-03-01T23:00:00Z")]
    // And 15:30 in New York: outside, sent at once.
    [InlineData("America/New_York", "2026-03-01T20:30:00Z", "2026-03-01T20:30:00Z")]
    // Spring forward in New York (8 March 2026): 08:00 EDT is 12:00 UTC, not 13:00.
    [InlineData("America/New_York", "2026-03-08T06:00:00Z", "2026-03-08T12:00:00Z")]
    public void A_message_due_inside_quiet_hours_waits_until_they_end(string zone, string due, string expected)
    {
        var allowed = QuietHours.NextAllowed(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Ten, Eight, Zone(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), allowed);
    }

    [Theory]
    // New York springs forward at 02:00 on 8 March 2026: quiet until 02:15 ends at 03:00 EDT (07:00 UTC), the gap's end.
    [InlineData("America/New_York", "2026-03-08T06:00:00Z", 2, 15, "2026-03-08T07:00:00Z")]
    // Lord Howe Island springs forward half an hour (02:00 → 02:30) on 4 October 2026: quiet until 02:10 ends at 02:30 (+11).
    [InlineData("Australia/Lord_Howe", "2026-10-03T14:00:00Z", 2, 10, "2026-10-03T15:30:00Z")]
    public void Quiet_hours_that_end_inside_a_spring_forward_gap_end_at_the_first_valid_minute(string zone, string due,
        int endHour, int endMinute, string expected)
    {
        var allowed = QuietHours.NextAllowed(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Ten, new TimeOnly(endHour, endMinute), Zone(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), allowed);
    }

    [Fact]
    public void Daytime_quiet_hours_and_no_quiet_hours()
    {
        var due = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero),
            QuietHours.NextAllowed(due, new TimeOnly(9, 0), new TimeOnly(14, 0), TimeZoneInfo.Utc));
        Assert.Equal(due, QuietHours.NextAllowed(due, null, null, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_result_is_never_inside_quiet_hours_and_never_before_the_due_time()
    {
        var zones = new[] { "Europe/Moscow", "Asia/Kolkata", "America/Los_Angeles", "Australia/Lord_Howe", "UTC" };
        var random = new Random(4);
        for (var i = 0; i < 2000; i++)
        {
            var zone = Zone(zones[i % zones.Length]);
            var due = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 525_600));
            var from = new TimeOnly(random.Next(24), random.Next(4) * 15);
            var to = new TimeOnly(random.Next(24), random.Next(4) * 15);

            var allowed = QuietHours.NextAllowed(due, from, to, zone);

            Assert.True(allowed >= due);
            Assert.Equal(allowed, QuietHours.NextAllowed(allowed, from, to, zone));
            Assert.True(allowed - due <= TimeSpan.FromHours(25), $"{due} {from}-{to} {zone.Id} → {allowed}");
        }
    }

    [Theory]
    // 20:30 UTC is 23:30 in Moscow: the 09:00 digest is tomorrow's, 06:00 UTC.
    [InlineData("Europe/Moscow", "2026-03-01T20:30:00Z", 9, "2026-03-02T06:00:00Z")]
    // 05:30 in Tokyo: today's 09:00 is still ahead, 00:00 UTC.
    [InlineData("Asia/Tokyo", "2026-03-01T20:30:00Z", 9, "2026-03-02T00:00:00Z")]
    public void The_digest_goes_at_the_next_digest_hour_in_the_readers_zone(string zone, string after, int hour, string expected)
    {
        var at = Planning.DigestSchedule.NextAt(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), hour, Zone(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
