namespace Repitbot.Gateway.Tests.Support;

/// <summary>One gateway shared by the cases of a class whose cases only read (attacks that must all be refused).</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
