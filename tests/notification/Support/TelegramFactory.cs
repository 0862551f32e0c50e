using System.Globalization;
using Repitbot.TelegramStub;

namespace Repitbot.Notification.Tests.Support;

/// <summary>
/// The service with Telegram switched on against the Bot API stand-in; both enforce the same limits
/// (100 messages a second for the bot, 1 a second per chat) so a burst finishes within a test.
/// </summary>
public class TelegramFactory : NotificationFactory
{
    public const int GlobalLimit = 100;

    public TelegramFactory()
    {
        // The fixture's constructor cannot await; the stub starts in well under a second.
        Stub = TelegramApiStub.StartAsync(o =>
        {
            o.GlobalLimit = GlobalLimit;
            o.PerChatLimit = 1;
            o.RateWindow = TimeSpan.FromSeconds(1);
        }).GetAwaiter().GetResult();
    }

    public TelegramStubServer Stub { get; }

    /// <summary>A chat the stub knows, with an id no other test uses.</summary>
    public long NewChat()
    {
        var chatId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        Stub.RegisterChat(chatId);
        return chatId;
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings() => base.Settings().Concat(
    [
        new("Telegram:Mode", "polling"),
        new("Telegram:BotToken", Stub.Token),
        new("Telegram:ApiBaseUrl", Stub.BaseUrl),
        new("Delivery:TelegramGlobalLimit", GlobalLimit.ToString(CultureInfo.InvariantCulture)),
        new("Delivery:TelegramChatLimit", "1"),
        new("Delivery:TelegramRateWindow", "00:00:01"),
        new("Delivery:TelegramConcurrency", "24"),
    ]);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
