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

    // The chat's next slot is at least a full interval after the call that just finished: a call can reach
    // Telegram well after its slot (a first connection, a slow machine), and the next must keep its distance.
    private const string Finish = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local chat = tonumber(redis.call('GET', KEYS[1]) or '0')
        redis.call('SET', KEYS[1], string.format('%.0f', math.max(chat, now + tonumber(ARGV[1]))), 'PX', 60000)
        return 0
        """;

    /// <summary>How long to wait before sending to <paramref name="chatId"/>; negative: the slot is further than <paramref name="maxWait"/>, try again after that long.</summary>
    public async Task<TimeSpan> ReserveAsync(long chatId, TimeSpan maxWait)
    {
        var settings = options.Value;
        var paced = (settings.Window + settings.JitterGuard).TotalMicroseconds;
        var botInterval = paced / settings.GlobalLimit;
        var chatInterval = paced / settings.ChatLimit;
        var micros = (long)await redis.GetDatabase().ScriptEvaluateAsync(Reserve,
            [$"{settings.Key}:bot", $"{settings.Key}:chat:{chatId}"],
            [botInterval, chatInterval, maxWait.TotalMicroseconds]);
        return TimeSpan.FromMicroseconds(micros);
    }

    /// <summary>Says that the call to <paramref name="chatId"/> has finished; the chat's next slot is an interval from now.</summary>
    public async Task FinishedAsync(long chatId)
    {
        var settings = options.Value;
        var chatInterval = (settings.Window + settings.JitterGuard).TotalMicroseconds / settings.ChatLimit;
        await redis.GetDatabase().ScriptEvaluateAsync(Finish, [$"{settings.Key}:chat:{chatId}"], [chatInterval]);
    }
}
