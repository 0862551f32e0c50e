using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Repitbot.Hosting.Telegram;

/// <summary>
/// The Bot API's limits shared by every instance of every service that talks as the bot (the bot gateway's
/// replies, notification's messages) through Redis: each message takes the next free slot of the bot and
/// of its chat (window ÷ limit apart), so messages go out evenly spaced and a burst never meets a 429.
/// Slots are measured on the Redis server's clock, the one clock all share.
/// </summary>
public sealed class TelegramRateLimiter(IConnectionMultiplexer redis, IOptions<TelegramPaceOptions> options)
{
    // Takes the slot only when it is within max_wait; otherwise says how long until it would be free.
    private const string Reserve = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local bot = tonumber(redis.call('GET', KEYS[1]) or '0')
        local chat = tonumber(redis.call('GET', KEYS[2]) or '0')
        local slot = math.max(now, bot, chat)
        local wait = slot - now
        if wait > tonumber(ARGV[3]) then return -wait end
        redis.call('SET', KEYS[1], string.format('%.0f', slot + tonumber(ARGV[1])), 'PX', 60000)
        redis.call('SET', KEYS[2], string.format('%.0f', slot + tonumber(ARGV[2])), 'PX', 60000)
        return wait
        """;

    // The last gate, right before the call: not while another call to the chat is in flight, and not within an
    // interval of the last one's end. A slot alone was not enough: a sender that wakes late from its wait (a busy
    // machine) reaches Telegram late, and the next sender, on time for its own slot, arrived 0.9 s after it: 429.
    // KEYS: the chat's in-flight marker, the chat's last end. Returns 0 (go; the marker is set) or the wait.
    private const string Begin = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        if redis.call('EXISTS', KEYS[1]) == 1 then return tonumber(ARGV[2]) end
        local ready = tonumber(redis.call('GET', KEYS[2]) or '0') + tonumber(ARGV[1])
        if now < ready then return ready - now end
        redis.call('SET', KEYS[1], '1', 'PX', tonumber(ARGV[3]))
        return 0
        """;

    // The chat's next slot is at least a full interval after the call that just finished: a call can reach
    // Telegram well after its slot (a first connection, a slow machine), and the next must keep its distance.
    // KEYS: the chat's slot, its in-flight marker, its last end.
    private const string Finish = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local chat = tonumber(redis.call('GET', KEYS[1]) or '0')
        redis.call('SET', KEYS[1], string.format('%.0f', math.max(chat, now + tonumber(ARGV[1]))), 'PX', 60000)
        redis.call('DEL', KEYS[2])
        redis.call('SET', KEYS[3], string.format('%.0f', now), 'PX', 60000)
        return 0
        """;

    /// <summary>How often a sender asks again while another call to the chat is in flight.</summary>
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>An in-flight marker left by a sender that died mid-call stops blocking the chat after this long.</summary>
    private static readonly TimeSpan InFlightLimit = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait before sending to <paramref name="chatId"/>; negative: the slot is further than <paramref name="maxWait"/>, try again after that long.</summary>
    public async Task<TimeSpan> ReserveAsync(long chatId, TimeSpan maxWait)
    {
        var settings = options.Value;
        var paced = (settings.Window + settings.JitterGuard).TotalMicroseconds;
        var botInterval = paced / settings.GlobalLimit;
        var chatInterval = ChatInterval(settings);
        var micros = (long)await redis.GetDatabase().ScriptEvaluateAsync(Reserve,
            [$"{settings.Key}:bot", $"{settings.Key}:chat:{chatId}"],
            [botInterval, chatInterval, maxWait.TotalMicroseconds]);
        return TimeSpan.FromMicroseconds(micros);
    }

    /// <summary>
    /// Called after the slot's wait, right before the call: <see cref="TimeSpan.Zero"/> when the call may go now
    /// (it is then in flight until <see cref="FinishedAsync"/>), else how long to wait before asking again.
    /// </summary>
    public async Task<TimeSpan> BeginAsync(long chatId)
    {
        var settings = options.Value;
        var micros = (long)await redis.GetDatabase().ScriptEvaluateAsync(Begin,
            [$"{settings.Key}:chat:{chatId}:sending", $"{settings.Key}:chat:{chatId}:ended"],
            [ChatInterval(settings), InFlightPoll.TotalMicroseconds, InFlightLimit.TotalMilliseconds]);
        return TimeSpan.FromMicroseconds(micros);
    }

    /// <summary>Says that the call to <paramref name="chatId"/> has finished; the chat's next slot is an interval from now.</summary>
    public async Task FinishedAsync(long chatId)
    {
        var settings = options.Value;
        await redis.GetDatabase().ScriptEvaluateAsync(Finish,
            [$"{settings.Key}:chat:{chatId}", $"{settings.Key}:chat:{chatId}:sending", $"{settings.Key}:chat:{chatId}:ended"],
            [ChatInterval(settings)]);
    }

    private static double ChatInterval(TelegramPaceOptions settings) =>
        (settings.Window + settings.JitterGuard).TotalMicroseconds / settings.ChatLimit;
}
