namespace Repitbot.TelegramStub;

/// <summary>
/// A local stand-in for the Telegram Bot API: <c>dotnet run --project tools/telegram-stub -- --urls http://127.0.0.1:8081</c>.
/// An explicit class in a namespace (not top-level statements), so test projects that reference both a service and this
/// tool do not see two global Program types.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var app = TelegramStubServer.Build(args, configure: null);
        await app.RunAsync();
    }
}
