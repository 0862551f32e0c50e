using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;
using Repitbot.TelegramStub;

namespace Repitbot.EndToEnd;

/// <summary>
/// The four services as real processes against the real local infrastructure, on ports of their own
/// (so a running ./run.sh is not disturbed) and with a RabbitMQ virtual host of their own. The bot polls
/// the Telegram Bot API stand-in and calls analytics and notification with its own API client, as in ./run.sh.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    public const int GatewayPort = 18080;
    private static readonly (string Name, string Assembly, int Port)[] Services =
    [
        ("gateway", "Repitbot.Gateway", GatewayPort),
        ("bot-gateway", "Repitbot.BotGateway", 18000),
        ("notification", "Repitbot.Notification", 18006),
        ("analytics", "Repitbot.Analytics", 18007),
    ];

    private const string BotClientSecret = "e2e-bot-gateway-client-secret";
    private readonly List<ServiceProcess> _processes = [];
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"repitbot-e2e-{Guid.NewGuid():N}.pem");
    private RabbitVirtualHost? _vhost;

    public HttpClient Gateway { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{GatewayPort}") };

    public ECDsaSecurityKey SigningKey { get; private set; } = null!;

    public AccessTokenFactory Tokens { get; private set; } = null!;

    public TelegramStubServer Telegram { get; private set; } = null!;

    public static string BotGatewayPostgres => LocalEnvironment.For("bot-gateway")["ConnectionStrings__Postgres"];

    public async Task InitializeAsync()
    {
        _vhost = await RabbitVirtualHost.CreateAsync();
        Telegram = await TelegramApiStub.StartAsync();
        foreach (var (name, assembly, port) in Services)
        {
            var process = ServiceProcess.Start(name, assembly, SuiteEnvironment(name, port));
            _processes.Add(process);
            await WaitUntilReadyAsync(process, port);
        }

        SigningKey = Repitbot.Hosting.Auth.SigningKey.LoadOrCreate(_keyPath);
        Tokens = new AccessTokenFactory(SigningKey, TestTokens.Issuer, TestTokens.Audience, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        if (Telegram is not null)
        {
            await Telegram.DisposeAsync();
        }

        File.Delete(_keyPath);
        Gateway.Dispose();
    }

    /// <summary>What the service at <paramref name="name"/> printed so far, for failure messages.</summary>
    public string OutputOf(string name) => _processes.Single(p => p.Name == name).Output;

    public static Dictionary<string, string> BaseEnvironment(string name, int port)
    {
        var settings = LocalEnvironment.For(name);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Jwt__JwksUrl"] = $"http://127.0.0.1:{GatewayPort}/.well-known/jwks.json";
        settings["Services__BotGateway"] = "http://127.0.0.1:18000";
        settings["Services__Notification"] = "http://127.0.0.1:18006";
        settings["Services__Analytics"] = "http://127.0.0.1:18007";
        return settings;
    }

    private Dictionary<string, string> SuiteEnvironment(string name, int port)
    {
        var settings = BaseEnvironment(name, port);
        settings["RabbitMq__Uri"] = _vhost!.AmqpUri;
        settings["Tokens__SigningKeyPath"] = _keyPath;
        switch (name)
        {
            case "gateway":
                settings["Auth__Clients__0__Id"] = "bot-gateway";
                settings["Auth__Clients__0__SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(BotClientSecret)));
                settings["Auth__Clients__0__Role"] = Roles.Service;
                settings["Auth__Clients__0__Subject"] = "bot-gateway";
                break;
            case "bot-gateway":
                settings.UseStub(Telegram);
                settings["Auth__TokenUrl"] = $"http://127.0.0.1:{GatewayPort}/auth/token";
                settings["Auth__ClientId"] = "bot-gateway";
                settings["Auth__ClientSecret"] = BotClientSecret;
                break;
            case "notification":
                settings.UseStub(Telegram);
                break;
        }

        return settings;
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess process, int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with {process.ExitCode}:\n{process.Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's 2 s.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{process.Name} was not ready in 90 s:\n{process.Output}");
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteDefinition : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
