using Microsoft.AspNetCore.Hosting;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.TelegramStub;

namespace Repitbot.BotGateway.Tests;

/// <summary>The bot in long-polling mode (local runs): it fetches updates from the stand-in itself.</summary>
public sealed class PollingBotFactory : BotGatewayFactory
{
    public PollingBotFactory()
    {
        Stub = TelegramApiStub.StartAsync(o => o.PerChatLimit = 1000).GetAwaiter().GetResult();
        Stub.State.Get(Stub.Token).LastUpdateId = Random.Shared.Next(200_000_000, 2_000_000_000);
    }

    public TelegramStubServer Stub { get; }

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.UseSetting("Telegram:Mode", "polling");
        builder.UseSetting("Telegram:BotToken", Stub.Token);
        builder.UseSetting("Telegram:ApiBaseUrl", Stub.BaseUrl);
        builder.UseSetting("Telegram:PollingTimeoutSeconds", "2");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
    }
}

public sealed class BotPollingTests(PollingBotFactory bot) : IClassFixture<PollingBotFactory>
{
    [Fact]
    public async Task In_polling_mode_the_bot_fetches_and_answers_updates_once_each()
    {
        var user = BotFactory.NewTelegramUserId();

        bot.Stub.UserSendsText(user, "/help", duplicate: true);
        bot.Stub.UserSendsText(user, "/nonsense");

        var answered = await Eventually.Async(() => Task.FromResult(bot.Stub.Calls("sendMessage", user).Count >= 2));
        Assert.True(answered, "The polling bot did not answer both updates.");
        // Nothing more arrives for the duplicate once the stand-in has nothing left to hand out.
        Assert.True(await Eventually.Async(() => Task.FromResult(bot.Stub.PendingUpdateCount() == 0)), "Updates were not confirmed.");
        Assert.Equal(2, bot.Stub.Calls("sendMessage", user).Count);
    }
}
