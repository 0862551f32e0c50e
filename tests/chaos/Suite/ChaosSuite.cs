using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Repitbot.Chaos.Infrastructure;
using Repitbot.Chaos.Report;
using Repitbot.Chaos.Scenarios;
using Repitbot.Chaos.Verification;
using Repitbot.Hosting.Auth;
using Repitbot.TelegramStub;

namespace Repitbot.Chaos.Suite;

/// <summary>
/// The whole suite on the private infrastructure: the gateway, the bot gateway, two notification and two analytics
/// replicas sharing their queues and delivery table, and the Telegram stand-in in-process. Scenarios kill one piece
/// at a time and bring it back; the results are gathered here and written to RELIABILITY.md when CHAOS_REPORT names it.
/// </summary>
public sealed class ChaosSuite : IAsyncLifetime
{
    public const int GatewayPort = 28080;
    private const string BotClientSecret = "chaos-bot-gateway-client-secret";

    // The gateway sends REST reads to the -a replicas; the -b replicas only share the queues and the schedule.
    private static readonly (string Name, string Folder, string Assembly, int Port)[] Layout =
    [
        ("gateway", "gateway", "Repitbot.Gateway", GatewayPort),
        ("bot-gateway", "bot-gateway", "Repitbot.BotGateway", 28000),
        ("notification-a", "notification", "Repitbot.Notification", 28006),
        ("notification-b", "notification", "Repitbot.Notification", 28016),
        ("analytics-a", "analytics", "Repitbot.Analytics", 28007),
        ("analytics-b", "analytics", "Repitbot.Analytics", 28017),
    ];

    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"repitbot-chaos-{Guid.NewGuid():N}.pem");
    private readonly List<ServiceInstance> _services = [];
    private readonly List<ScenarioResult> _results = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public PrivateInfrastructure Infrastructure { get; } = PrivateInfrastructure.Load();

    public HttpClient Gateway { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{GatewayPort}"), Timeout = TimeSpan.FromSeconds(20) };

    public TelegramStubServer Telegram { get; private set; } = null!;

    public AccessTokenFactory Tokens { get; private set; } = null!;

    public MailFolder Mail { get; private set; } = null!;

    public IReadOnlyList<ServiceInstance> Services => _services;

    public ServiceInstance Service(string name) => _services.Single(s => s.Name == name);

    public async Task InitializeAsync()
    {
        try
        {
            await Infrastructure.UpAsync();
            Mail = new MailFolder(Infrastructure.MailFolder);
            Mail.Clear();
            Telegram = await TelegramApiStub.StartAsync();
            // Made here, read by the gateway: the suite signs tutor tokens with the key the services trust.
            var key = SigningKey.LoadOrCreate(_keyPath);
            Tokens = new AccessTokenFactory(key, TestTokens.Issuer, TestTokens.Audience, TimeProvider.System);
            foreach (var (name, folder, assembly, port) in Layout)
            {
                var service = new ServiceInstance(name, folder, assembly, port, EnvironmentFor(folder, port));
                _services.Add(service);
                await service.StartAsync();
            }
        }
        catch
        {
            // Never leave services behind on the fixed ports when the start fails.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        if (Telegram is not null)
        {
            await Telegram.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("CHAOS_REPORT") is { Length: > 0 } report && _results.Count > 0)
        {
            ReliabilityReport.Write(Path.GetFullPath(report, RepoPaths.Root), _startedAt, _results);
        }

        File.Delete(_keyPath);
        Gateway.Dispose();
    }

    public void Record(ScenarioResult result)
    {
        lock (_results)
        {
            _results.Add(result);
        }
    }

    /// <summary>Every server up again, no Telegram fault left, every service process restarted.</summary>
    public async Task RecoverAsync()
    {
        await Infrastructure.UpAsync();
        Telegram.ClearFaults();
        await RestartAllServicesAsync();
    }

    /// <summary>
    /// Every service process killed and started again: after a failed scenario (one that may have left a replica
    /// wedged) the next scenario starts from a clean suite, so one bug is reported once, not by every scenario after it.
    /// </summary>
    public async Task RestartAllServicesAsync()
    {
        foreach (var service in _services)
        {
            await service.KillAsync();
        }

        foreach (var service in _services)
        {
            await service.StartAsync();
        }
    }

    public async Task<T?> QueryAsync<T>(string role, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Infrastructure.Postgres(role));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var answer = await command.ExecuteScalarAsync();
        return answer is null or DBNull ? default : (T)answer;
    }

    private Dictionary<string, string> EnvironmentFor(string folder, int port)
    {
        var settings = LocalEnvironment.For(folder);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["ConnectionStrings__Postgres"] = Infrastructure.Postgres(new NpgsqlConnectionStringBuilder(settings["ConnectionStrings__Postgres"]).Username!);
        settings["ConnectionStrings__Redis"] = Infrastructure.Redis;
        settings["RabbitMq__Uri"] = Infrastructure.AmqpUri;
        settings["Smtp__Port"] = Infrastructure.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Jwt__JwksUrl"] = $"http://127.0.0.1:{GatewayPort}/.well-known/jwks.json";
        settings["Services__BotGateway"] = "http://127.0.0.1:28000";
        settings["Services__Notification"] = "http://127.0.0.1:28006";
        settings["Services__Analytics"] = "http://127.0.0.1:28007";
        settings["Tokens__SigningKeyPath"] = _keyPath;
        // Six .NET processes share two cores with the servers: Information logs would cost more than the work.
        settings["Logging__LogLevel__Default"] = "Warning";
        switch (folder)
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
                // A killed replica's claims come back when their lease runs out; the default 2 min would not fit the
                // settling time. Still longer than an SMTP operation's timeout (30 s), so a slow send is not claimed twice.
                settings["Delivery__Lease"] = "00:00:45";
                break;
        }

        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class ChaosDefinition : ICollectionFixture<ChaosSuite>
{
    public const string Name = "chaos";
}
