using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Tests;

public class ArrivalScheduleTests
{
    [Theory]
    [InlineData(100, 0, 0)]
    [InlineData(100, 1, 10)]
    [InlineData(100, 250, 2_500)]
    [InlineData(3, 1, 333.3333)]
    [InlineData(0.5, 3, 6_000)]
    public void Operation_i_is_due_i_over_rate_seconds_after_the_start(double rate, long index, double expectedMs) =>
        Assert.Equal(expectedMs, new ArrivalSchedule(rate).OffsetOf(index).TotalMilliseconds, precision: 3);

    [Theory]
    [InlineData(100, 10, 1_000_000, 1_000)]   // duration bounds: 10 s at 100/s
    [InlineData(100, 10, 250, 250)]           // count bounds
    [InlineData(7, 1.5, 1_000, 11)]           // offsets 0..10/7 s are below 1.5 s
    [InlineData(0.5, 60, 10, 10)]
    public void Planned_count_is_the_operations_due_before_the_duration_capped_by_count(double rate, double seconds, long count,
        long expected) =>
        Assert.Equal(expected, new ArrivalSchedule(rate).PlannedCount(count, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Every_planned_operation_starts_before_the_duration_ends()
    {
        foreach (var rate in new[] { 1.0, 3, 7.5, 100, 12_345 })
        {
            var schedule = new ArrivalSchedule(rate);
            var duration = TimeSpan.FromSeconds(2.5);
            var planned = schedule.PlannedCount(long.MaxValue, duration);
            Assert.True(schedule.OffsetOf(planned - 1) < duration, $"rate {rate}: the last planned one is inside");
            Assert.True(schedule.OffsetOf(planned) >= duration - TimeSpan.FromTicks(1), $"rate {rate}: the next one is not");
        }
    }

    [Fact]
    public void Due_by_counts_the_operations_whose_start_has_passed()
    {
        var schedule = new ArrivalSchedule(10);
        Assert.Equal(0, schedule.DueBy(TimeSpan.FromMilliseconds(-1), 100));
        Assert.Equal(1, schedule.DueBy(TimeSpan.Zero, 100));
        Assert.Equal(1, schedule.DueBy(TimeSpan.FromMilliseconds(99), 100));
        Assert.Equal(2, schedule.DueBy(TimeSpan.FromMilliseconds(100), 100));
        Assert.Equal(100, schedule.DueBy(TimeSpan.FromHours(1), 100));
    }

    [Fact]
    public void A_closed_loop_has_everything_due_at_once_and_is_bounded_by_count_only()
    {
        var schedule = new ArrivalSchedule(null);
        Assert.False(schedule.IsOpen);
        Assert.Equal(TimeSpan.Zero, schedule.OffsetOf(999));
        Assert.Equal(500, schedule.PlannedCount(500, TimeSpan.FromSeconds(1)));
        Assert.Equal(500, schedule.DueBy(TimeSpan.Zero, 500));
    }

    [Theory]
    [InlineData(-1, 3, 2)]
    [InlineData(-3, 3, 0)]
    [InlineData(7, 3, 1)]
    public void Slots_are_never_negative_for_warm_up_operations(long index, int length, int expected) =>
        Assert.Equal(expected, new OperationContext(index, DateTimeOffset.UnixEpoch).Slot(length));
}
