using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// The batched write path (day locks and claim in one round trip, every write in the next): copies
/// inside one batch and across batches, two tutors in one batch, every rollup table and the links
/// touched at once, and the cache versions the read side keys on.
/// </summary>
public sealed class BatchPathTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    [Fact]
    public async Task Batches_mixing_tutors_and_copies_store_and_count_each_event_once_and_move_each_tutors_version_once()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var lessonA = Lessons.Attended(a, 60);
        var noShowA = Lessons.NoShow(a, now.AddDays(-1));
        IDomainEvent payment = new PaymentReceived
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = a, StudentId = lessonA.StudentId, PaymentId = Guid.NewGuid(),
            AmountMinor = 150_000, Currency = "RUB", Method = PaymentMethod.Card, LessonsCovered = 1,
        };
        var lessonB = Lessons.Attended(b, 45);
        IDomainEvent view = new MaterialViewed
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = b, StudentId = lessonB.StudentId, MaterialId = Guid.NewGuid(),
        };
        IDomainEvent link = new StudentLinked
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = b, StudentId = lessonB.StudentId, LinkId = Guid.NewGuid(), ValidFrom = now,
        };
        IDomainEvent cancelled = new LessonCancelled
        {
            EventId = Guid.NewGuid(), OccurredAt = now, TutorId = b, StudentId = lessonB.StudentId, LessonId = Guid.NewGuid(),
            StartsAt = now, Reason = "Sick", CancelledBy = CancelledBy.Student,
        };
        var laterB = Lessons.Attended(b, 30);
        var versions = await VersionsAsync(a, b);

        var first = await IngestAsync(lessonA, lessonA, lessonB, noShowA, payment, lessonB, view, link, cancelled);

        Assert.Equal(7, first.Stored.Count);
        Assert.Equal((versions.A + 1, versions.B + 1), await VersionsAsync(a, b));

        // A recent copy of A's lesson is offered to Redis again (its marker drops it); B's new lesson is stored.
        var second = await IngestAsync(laterB, lessonA, laterB);

        Assert.Equal(new[] { laterB.EventId }, second.Stored.Select(e => e.EventId));
        Assert.Equal((versions.A + 2, versions.B + 2), await VersionsAsync(a, b));
        Assert.Equal((3, 5), (await Store.EventCountAsync(factory.Database, a), await Store.EventCountAsync(factory.Database, b)));
        Assert.Equal((1, 1, 60), await Store.RollupTotalsAsync(factory.Database, a));
        Assert.Equal((2, 0, 75), await Store.RollupTotalsAsync(factory.Database, b));
        await Exactness.AssertAsync(factory, [a, b], [lessonA, noShowA, payment, lessonB, view, link, cancelled, laterB]);
    }

    private Task<StoreResult> IngestAsync(params IDomainEvent[] batch) =>
        factory.Ingestor.IngestAsync(batch.Select(IngestedEvent.From).ToList(), CancellationToken.None);

    private async Task<(long A, long B)> VersionsAsync(Guid a, Guid b)
    {
        var redis = factory.Redis.GetDatabase();
        var values = await redis.StringGetAsync([RedisKeys.Version(a), RedisKeys.Version(b)]);
        return (Number(values[0]), Number(values[1]));
    }

    private static long Number(RedisValue value) => value.IsNull ? 0 : (long)value;
}
