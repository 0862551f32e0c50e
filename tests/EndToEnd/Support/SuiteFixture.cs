using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;
using Repitbot.TelegramStub;

namespace Repitbot.EndToEnd.Support;

/// <summary>
/// The suite of tests/TestSupport/Suite on the end-to-end ports (18xxx), so a running ./run.sh is not disturbed.
/// The bot polls the Telegram stand-in and calls analytics and notification with its own API client, as in ./run.sh.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private const string BotClientSecret = "e2e-bot-gateway-client-secret";
    private SuiteLauncher? _suite;

    public HttpClient Gateway { get; } = new() { BaseAddress = SuitePorts.EndToEnd.GatewayUrl };

    public ECDsaSecurityKey SigningKey => Suite.SigningKey;

    public AccessTokenFactory Tokens => Suite.Tokens;

    public TelegramStubServer Telegram => Suite.Telegram;

    public static string BotGatewayPostgres => LocalEnvironment.For("bot-gateway")["ConnectionStrings__Postgres"];

    private SuiteLauncher Suite => _suite ?? throw new InvalidOperationException("The suite is not started.");

    public async Task InitializeAsync()
    {
        _suite = await SuiteLauncher.StartAsync(new SuiteOptions(SuitePorts.EndToEnd)
        {
            BotClient = new SuiteClient("bot-gateway", BotClientSecret, Roles.Service, "bot-gateway"),
        });
    }

    public async Task DisposeAsync()
    {
        if (_suite is not null)
        {
            await _suite.DisposeAsync();
        }

        Gateway.Dispose();
    }

    /// <summary>What the service at <paramref name="name"/> printed so far, for failure messages.</summary>
    public string OutputOf(string name) => Suite.OutputOf(name);

    public static Dictionary<string, string> BaseEnvironment(string name, int port) => SuitePorts.EndToEnd.BaseEnvironment(name, port);
}

[CollectionDefinition(Name)]
public sealed class SuiteDefinition : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
