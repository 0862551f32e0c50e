using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// Random event streams (seeded: a failure is reproducible) with duplicates and reordering, ingested as
/// batches by two concurrent consumers, give rollups and Redis aggregates equal to a naive
/// recomputation from the stored events.
/// </summary>
public sealed class ExactnessTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Rollups_and_redis_equal_a_naive_recomputation_from_the_stored_events(int seed)
    {
        Guid[] tutors = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var random = new RandomEvents(seed);
        var events = random.For(tutors, 300);

        await Exactness.IngestConcurrentlyAsync(factory, random.Delivered(events));

        await Exactness.AssertAsync(factory, tutors, events);
    }
}
