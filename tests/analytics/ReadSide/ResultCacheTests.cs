using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Repitbot.Analytics.Caching;
using Repitbot.Analytics.ReadSide;
using Repitbot.Analytics.Recovery;

namespace Repitbot.Analytics.Tests.ReadSide;

/// <summary>The result cache on the real Redis, with a clock the test moves: one computation per entry, a bounded staleness.</summary>
[Collection(ReadSideTests.Name)]
public sealed class ResultCacheTests(ReadSideFactory factory)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Concurrent_misses_for_one_entry_compute_it_once_and_all_get_the_result()
    {
        var (cache, _) = Create(Bound);
        using var owned = cache;
        var scope = new AnalyticsScope(Guid.NewGuid(), null);
        var release = new TaskCompletionSource();
        var computations = 0;
        async Task<byte[]> Compute(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return Encoding.UTF8.GetBytes("figures");
        }

        var requests = Enumerable.Range(0, 12).Select(_ => cache.GetOrCreateAsync("area", scope, "lessons", Compute, CancellationToken.None)).ToList();
        Assert.True(await Eventually.Async(() => Task.FromResult(Volatile.Read(ref computations) > 0)), "Nothing was computed.");
        release.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1, computations);
        Assert.All(answers, a => Assert.Equal("figures", Encoding.UTF8.GetString(a)));
    }

    [Fact]
    public async Task A_new_event_is_served_within_the_staleness_bound_and_never_later()
    {
        var (cache, clock) = Create(Bound);
        using var owned = cache;
        var scope = new AnalyticsScope(Guid.NewGuid(), null);
        var value = 1;
        var computations = 0;
        Task<byte[]> Compute(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref computations);
            return Task.FromResult(Encoding.UTF8.GetBytes(Volatile.Read(ref value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        async Task<string> Read() => Encoding.UTF8.GetString(await cache.GetOrCreateAsync("chart", scope, "heatmap", Compute, CancellationToken.None));

        Assert.Equal("1", await Read());
        Assert.Equal("1", await Read());
        Assert.Equal(1, computations);

        // An event arrives: within half the bound the entry is served as it is, without recomputing.
        value = 2;
        await BumpAsync(scope);
        clock.Advance(Bound / 4);
        Assert.Equal("1", await Read());
        Assert.Equal(1, computations);

        // Past half the bound it is still served, while one refresh brings the new figure in.
        clock.Advance(Bound / 2);
        Assert.Equal("1", await Read());
        Assert.True(await Eventually.Async(async () => await Read() == "2"), "The outdated entry was never refreshed.");
        Assert.Equal(2, computations);

        // Past the bound an outdated entry is never served: the answer is computed first.
        value = 3;
        await BumpAsync(scope);
        clock.Advance(Bound * 2);
        Assert.Equal("3", await Read());
        Assert.Equal(3, computations);
    }

    [Fact]
    public async Task Without_a_staleness_bound_every_version_bump_is_seen_at_once()
    {
        var (cache, _) = Create(TimeSpan.Zero);
        using var owned = cache;
        var scope = new AnalyticsScope(Guid.NewGuid(), null);
        var value = 0;
        Task<byte[]> Compute(IServiceProvider services, CancellationToken ct) => Task.FromResult(new[] { (byte)value });

        for (value = 1; value <= 3; value++)
        {
            Assert.Equal([(byte)value], await cache.GetOrCreateAsync("area", scope, "lessons", Compute, CancellationToken.None));
            Assert.Equal([(byte)value], await cache.GetOrCreateAsync("area", scope, "lessons", Compute, CancellationToken.None));
            await BumpAsync(scope);
        }
    }

    [Fact]
    public async Task Entries_from_before_a_redis_loss_are_never_served_and_untrusted_redis_is_left_out()
    {
        var trust = new AggregateTrust(TimeProvider.System);
        trust.Set(TrustStatus.Trusted, 1, "test");
        var (cache, _) = Create(Bound, trust);
        using var owned = cache;
        var scope = new AnalyticsScope(Guid.NewGuid(), null);
        var value = 1;
        var computations = 0;
        Task<byte[]> Compute(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref computations);
            return Task.FromResult(new[] { (byte)Volatile.Read(ref value) });
        }

        Task<byte[]> Read() => cache.GetOrCreateAsync("area", scope, "lessons", Compute, CancellationToken.None);
        Assert.Equal([1], await Read());
        Assert.Equal([1], await Read());
        Assert.Equal(1, computations);

        // Redis came back from a snapshot holding the entry and the version it was computed at; PostgreSQL has more.
        value = 2;
        trust.Set(TrustStatus.Pending, 2, "test");
        Assert.Equal([2], await Read());
        Assert.Equal([2], await Read());
        Assert.Equal(3, computations);

        trust.Set(TrustStatus.Trusted, 2, "test");
        Assert.Equal([2], await Read());
        Assert.Equal([2], await Read());
        Assert.Equal(4, computations);
    }

    private (ResultCache Cache, ManualClock Clock) Create(TimeSpan maxStaleness, AggregateTrust? trust = null)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = Options.Create(new CacheOptions { MaxStaleness = maxStaleness, Lifetime = TimeSpan.FromMinutes(1) });
        if (trust is null)
        {
            trust = new AggregateTrust(TimeProvider.System);
            trust.Set(TrustStatus.Trusted, 1, "test");
        }

        return (new ResultCache(factory.Redis, options, factory.Services, clock, trust, NullLogger<ResultCache>.Instance), clock);
    }

    private Task<long> BumpAsync(AnalyticsScope scope) => factory.Redis.GetDatabase().StringIncrementAsync(scope.VersionKey);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private long _ticks = now.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
