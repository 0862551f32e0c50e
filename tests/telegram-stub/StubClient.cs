using Repitbot.TelegramStub;
using Telegram.Bot;

namespace Repitbot.TelegramStub.Tests;

/// <summary>A real Telegram.Bot client pointed at a stub, with automatic 429 retries off so tests see every answer.</summary>
internal static class StubClient
{
    public static TelegramBotClient For(TelegramStubServer stub, string? token = null) =>
        new(new TelegramBotClientOptions(token ?? stub.Token, stub.BaseUrl) { RetryCount = 0 });

    public static Task<TelegramStubServer> StartRelaxedAsync(Action<TelegramStubOptions>? configure = null) =>
        TelegramApiStub.StartAsync(o =>
        {
            // Most scenarios send several messages to one chat; only the limit tests keep the real 1 per second.
            o.PerChatLimit = 1000;
            o.GlobalLimit = 1000;
            configure?.Invoke(o);
        });
}
