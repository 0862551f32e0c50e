using Repitbot.TelegramStub;

namespace Repitbot.TestSupport;

/// <summary>
/// Starts the Telegram Bot API stand-in (tools/telegram-stub) in-process on a free port. Point the service at
/// <c>Telegram__ApiBaseUrl = stub.BaseUrl</c> and <c>Telegram__BotToken = stub.Token</c>; dispose it at the end.
/// </summary>
// Named TelegramApiStub, not TelegramStub: inside any Repitbot.* namespace that name resolves to the namespace Repitbot.TelegramStub.
public static class TelegramApiStub
{
    public static Task<TelegramStubServer> StartAsync(Action<TelegramStubOptions>? configure = null)
    {
        var options = new TelegramStubOptions();
        configure?.Invoke(options);
        return TelegramStubServer.StartAsync(options);
    }
}
