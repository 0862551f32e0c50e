namespace Repitbot.Gateway.Tests.Support;

/// <summary>One gateway shared by the cases of a class whose cases only read (attacks that must all be refused).</summary>
public class GatewayFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync(Settings);

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

/// <summary>A shared gateway with Telegram sign-in on, under <see cref="BotToken"/>.</summary>
public sealed class TelegramGatewayFixture : GatewayFixture
{
    public static readonly string BotToken = $"123456:test-{Guid.NewGuid():N}";

    protected override Dictionary<string, string?> Settings => new() { ["Telegram:BotToken"] = BotToken };
}
