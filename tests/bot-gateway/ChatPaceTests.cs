using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>Replies keep Telegram's per-chat pace, in the limiter's Redis keys that notification paces with too.</summary>
public sealed class ChatPaceTests(PacedBotFactory bot) : IClassFixture<PacedBotFactory>
{
    [Fact]
    public async Task Replies_in_quick_succession_wait_for_the_chats_turn_instead_of_drawing_429()
    {
        var tutor = BotFactory.NewTelegramUserId();

        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));
        await bot.SayAsync(tutor, "/help");
        await bot.SayAsync(tutor, "/profile");

        var calls = bot.Stub.Calls("sendMessage", tutor);
        Assert.True(calls.All(c => c.Status == 200), string.Join("\n", bot.Stub.Calls(chatId: tutor).Select(c => $"{c.At:HH:mm:ss.fff} {c.Method} {c.Status} {c.Description}")));
        Assert.Equal(3, calls.Count);
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(1),
            $"{pair.Second.At - pair.First.At} between two messages in one chat"));
        // The chat's next slot is where notification's sender looks for it.
        var redis = bot.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(await redis.KeyExistsAsync($"{bot.PaceKey}:chat:{tutor}"));
    }
}
