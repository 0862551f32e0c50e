using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;
using Repitbot.TelegramStub;

namespace Repitbot.TestSupport.Suite;

/// <summary>
/// The four services as real processes against the real local infrastructure, started the way ./run.sh starts
/// them: one at a time, the gateway first, on <see cref="SuiteOptions.Ports"/> and a RabbitMQ virtual host of
/// their own, with the bot and notification on an in-process Telegram Bot API stand-in. Tests sign tokens with
/// the gateway's own key (<see cref="Tokens"/>).
/// </summary>
public sealed class SuiteLauncher : IAsyncDisposable
{
    /// <summary>The exit code of a service that gave up on a dependency at start.</summary>
    private const int DependencyUnavailable = 3;
    private const int Attempts = 3;

    private readonly SuiteOptions _options;
    private readonly List<ServiceProcess> _processes = [];
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"repitbot-suite-{Guid.NewGuid():N}.pem");
    private RabbitVirtualHost? _vhost;
    private TelegramStubServer? _telegram;

    private SuiteLauncher(SuiteOptions options) => _options = options;

    public SuitePorts Ports => _options.Ports;

    public RabbitVirtualHost VirtualHost => _vhost ?? throw new InvalidOperationException("The suite is not started.");

    public TelegramStubServer Telegram => _telegram ?? throw new InvalidOperationException("The suite is not started.");

    public ECDsaSecurityKey SigningKey { get; private set; } = null!;

    public AccessTokenFactory Tokens { get; private set; } = null!;

    /// <summary>Starts the suite; on failure nothing is left running on its ports.</summary>
    public static async Task<SuiteLauncher> StartAsync(SuiteOptions options)
    {
        var suite = new SuiteLauncher(options);
        try
        {
            await suite.StartServicesAsync();
            return suite;
        }
        catch
        {
            await suite.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the service in folder <paramref name="name"/> printed so far, for failure messages.</summary>
    public string OutputOf(string name) => _processes.Single(p => p.Name == name).Output;

    /// <summary>The settings the suite starts the service in folder <paramref name="name"/> with.</summary>
    public Dictionary<string, string> EnvironmentOf(string name, int port)
    {
        var settings = Ports.BaseEnvironment(name, port);
        settings["RabbitMq__Uri"] = VirtualHost.AmqpUri;
        settings["Tokens__SigningKeyPath"] = _keyPath;
        switch (name)
        {
            case "gateway":
                IReadOnlyList<SuiteClient> clients = _options.BotClient is { } bot ? [bot, .. _options.Clients] : _options.Clients;
                for (var i = 0; i < clients.Count; i++)
                {
                    settings[$"Auth__Clients__{i}__Id"] = clients[i].Id;
                    settings[$"Auth__Clients__{i}__SecretSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clients[i].Secret)));
                    settings[$"Auth__Clients__{i}__Role"] = clients[i].Role;
                    settings[$"Auth__Clients__{i}__Subject"] = clients[i].Subject;
                }

                break;
            case "bot-gateway":
                settings.UseStub(Telegram);
                if (_options.BotClient is { } client)
                {
                    settings["Auth__TokenUrl"] = $"{Ports.GatewayUrl}auth/token";
                    settings["Auth__ClientId"] = client.Id;
                    settings["Auth__ClientSecret"] = client.Secret;
                }

                break;
            case "notification":
                settings.UseStub(Telegram);
                break;
        }

        _options.Configure?.Invoke(name, settings);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        _processes.Clear();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
            _vhost = null;
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
            _telegram = null;
        }

        File.Delete(_keyPath);
    }

    private async Task StartServicesAsync()
    {
        _vhost = await RabbitVirtualHost.CreateAsync();
        _telegram = await TelegramApiStub.StartAsync();
        foreach (var (name, assembly, port) in Ports.Services)
        {
            _processes.Add(await StartAsync(name, assembly, port));
        }

        // The gateway made the key at start; tokens signed with it are trusted by every service.
        SigningKey = Repitbot.Hosting.Auth.SigningKey.LoadOrCreate(_keyPath);
        Tokens = new AccessTokenFactory(SigningKey, TestTokens.Issuer, TestTokens.Audience, TimeProvider.System);
    }

    /// <summary>A service that gives up on a dependency at start (on a busy machine its probe can time out) is started again, as Compose and Kubernetes would.</summary>
    private async Task<ServiceProcess> StartAsync(string name, string assembly, int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            var process = ServiceProcess.Start(name, assembly, EnvironmentOf(name, port));
            bool ready;
            try
            {
                ready = await process.WaitUntilReadyAsync(port, _options.ReadyTimeout);
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }

            if (ready)
            {
                return process;
            }

            var (output, exitCode) = (process.Output, process.ExitCode);
            await process.DisposeAsync();
            if (exitCode != DependencyUnavailable || attempt == Attempts)
            {
                throw new InvalidOperationException($"{name} exited with {exitCode}:\n{output}");
            }
        }
    }
}
