using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Streams;

/// <summary>Asserts that rollups and Redis equal the naive recomputation from the stored events.</summary>
public static class Exactness
{
    public static async Task AssertAsync(AnalyticsFactory factory, Guid[] tutors, IReadOnlyCollection<IDomainEvent> published)
    {
        var stored = await StoredRow.ForTutorsAsync(factory.Database, tutors);
        Assert.Equal(published.Select(e => e.EventId).Distinct().Order(), stored.Select(s => s.EventId).Order());
        var naive = NaiveRollup.Of(stored);
        var (from, to) = (stored.Min(s => s.Day), stored.Max(s => s.Day));
        var redis = factory.Redis.GetDatabase();

        Assert.Equal(Lines(naive.Stats), Lines(await ActualState.StatsAsync(factory.Database, tutors)));
        Assert.Equal(naive.Money.Select(m => $"{m.Key} {m.Value}").Order(),
            (await ActualState.MoneyAsync(factory.Database, tutors)).Select(m => $"{m.Key} {m.Value}").Order());
        Assert.Equal(naive.Cancellations.Select(m => $"{m.Key} {m.Value}").Order(),
            (await ActualState.CancellationsAsync(factory.Database, tutors)).Select(m => $"{m.Key} {m.Value}").Order());
        await AssertRedisAsync(redis, tutors, naive, from, to);
    }

    public static async Task AssertRedisAsync(IDatabase redis, Guid[] tutors, NaiveRollup naive, DateOnly from, DateOnly to)
    {
        Assert.Equal(Lines(naive.Hashes), Lines(await ActualState.HashesAsync(redis, tutors, from, to)));
        Assert.Equal(Lines(naive.MaterialViews), Lines(await ActualState.MaterialViewsAsync(redis, tutors, from, to)));
        foreach (var ((tutor, day), students) in naive.ActiveStudents)
        {
            // A HyperLogLog estimates; at a handful of members it is exact in practice, but allow one off.
            var counted = await ActualState.ActiveStudentsAsync(redis, tutor, day);
            Assert.True(Math.Abs(counted - students.Count) <= 1, $"{tutor} {day}: {counted} active students counted, {students.Count} expected.");
        }
    }

    private static IEnumerable<string> Lines(Dictionary<(Guid, DateOnly), Dictionary<string, long>> map) =>
        map.SelectMany(kv => kv.Value.Where(f => f.Value != 0).Select(f => $"{kv.Key.Item1:N} {kv.Key.Item2:yyyy-MM-dd} {f.Key}={f.Value}"))
            .Order(StringComparer.Ordinal);

    /// <summary>Batches split over two lanes running at once, as the bus runs two batches per endpoint.</summary>
    public static Task IngestConcurrentlyAsync(AnalyticsFactory factory, List<List<IDomainEvent>> batches) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(async lane =>
        {
            foreach (var batch in batches.Where((_, i) => i % 2 == lane))
            {
                await factory.Ingestor.IngestAsync(batch.Select(IngestedEvent.From).ToList(), CancellationToken.None);
            }
        }));
}
