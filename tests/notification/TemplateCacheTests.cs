using Repitbot.Contracts;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Tests;

public class TemplateCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;

        public void Advance(TimeSpan by) => Now += by.Ticks;
    }

    private readonly ManualClock _clock = new();
    private int _loads;

    private Task<TemplateVersion?> Load(CancellationToken _)
    {
        _loads++;
        return Task.FromResult<TemplateVersion?>(new TemplateVersion { Type = "lesson-completed", Locale = "ru", Version = _loads, Body = "v" + _loads });
    }

    [Fact]
    public async Task Sends_read_the_template_once_until_a_new_version_is_written()
    {
        var cache = new TemplateCache(_clock);
        var first = await cache.GetAsync("lesson-completed", NotificationChannel.Email, "ru", Load, default);
        var second = await cache.GetAsync("lesson-completed", NotificationChannel.Email, "ru", Load, default);
        Assert.Same(first, second);
        Assert.Equal(1, _loads);

        cache.Invalidate("lesson-completed", NotificationChannel.Telegram);
        await cache.GetAsync("lesson-completed", NotificationChannel.Email, "ru", Load, default);
        Assert.Equal(1, _loads);

        // Every locale of the type and channel goes, an English entry that fell back to Russian included.
        cache.Invalidate("lesson-completed", NotificationChannel.Email);
        var third = await cache.GetAsync("lesson-completed", NotificationChannel.Email, "ru", Load, default);
        Assert.Equal(2, third!.Version);
    }

    [Fact]
    public async Task A_version_another_instance_wrote_is_seen_after_the_cache_lifetime()
    {
        var cache = new TemplateCache(_clock);
        await cache.GetAsync("lesson-completed", NotificationChannel.Email, "en", Load, default);
        _clock.Advance(TemplateCache.Lifetime - TimeSpan.FromMilliseconds(1));
        await cache.GetAsync("lesson-completed", NotificationChannel.Email, "en", Load, default);
        Assert.Equal(1, _loads);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await cache.GetAsync("lesson-completed", NotificationChannel.Email, "en", Load, default);
        Assert.Equal(2, fresh!.Version);
    }
}
