using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Repitbot.Gateway.Data;
using Repitbot.Hosting.Data;
using Repitbot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>
/// One gateway per test: its own key file in its own folder, and every service pointed at its own echo
/// backend (or at a closed port), so tests share nothing and run in any order.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly GatewayFactory _factory;
    private readonly string _folder;
    private HttpClient? _client;

    /// <summary>The gateway's database of ./run.sh (or REPITBOT_DATABASE), as the gateway role.</summary>
    public static readonly string ConnectionString = LocalEnvironment.For("gateway")["ConnectionStrings__Postgres"];

    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(ConnectionString);

    // Migrating once per test run, before any gateway starts, keeps parallel hosts from racing on it.
    private static readonly Lazy<Task> Migrated = new(async () =>
    {
        await using var db = CreateDb();
        await db.Database.MigrateAsync();
    });

    private GatewayHost(GatewayFactory factory, string folder, EchoBackend backend, ECDsaSecurityKey key)
    {
        _factory = factory;
        _folder = folder;
        Backend = backend;
        Key = key;
    }

    /// <summary>The first use starts the gateway.</summary>
    public HttpClient Client => _client ??= _factory.CreateClient();

    public EchoBackend Backend { get; }

    /// <summary>The gateway's signing key, read from the same file the gateway uses.</summary>
    public ECDsaSecurityKey Key { get; }

    public IServiceProvider Services => _factory.Services;

    public JwtOptions Jwt => Services.GetRequiredService<IOptions<JwtOptions>>().Value;

    /// <param name="kestrel">Serve on a real Kestrel socket (a loopback port) instead of the in-memory test server,
    /// for what only Kestrel enforces, such as the body limit of a request without Content-Length.</param>
    public static async Task<GatewayHost> StartAsync(Dictionary<string, string?>? settings = null, string[]? unreachable = null,
        bool kestrel = false)
    {
        var folder = Directory.CreateTempSubdirectory("gateway-tests-").FullName;
        var keyPath = Path.Combine(folder, "signing.pem");
        var key = SigningKey.LoadOrCreate(keyPath);
        var backend = await EchoBackend.StartAsync();
        await Migrated.Value;
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = ConnectionString,
            // Tests that are not about rate limits must never meet one.
            ["RateLimits:AuthPerIp"] = "1000000",
            ["RateLimits:AuthPerClient"] = "1000000",
            // Counters live in Redis: each host counts under its own prefix unless a test shares one.
            ["ConnectionStrings:Redis"] = LocalEnvironment.For("gateway")["ConnectionStrings__Redis"],
            ["RateLimits:KeyPrefix"] = $"gateway-test-{Guid.NewGuid():N}",
            ["Tokens:SigningKeyPath"] = keyPath,
            ["Services:Notification"] = backend.Url,
            ["Services:Analytics"] = backend.Url,
            ["Services:BotGateway"] = backend.Url,
        };
        foreach (var service in unreachable ?? [])
        {
            all[$"Services:{service}"] = ClosedPortUrl();
        }

        foreach (var (name, value) in settings ?? [])
        {
            all[name] = value;
        }

        var factory = new GatewayFactory(all);
        if (kestrel)
        {
            factory.UseKestrel(0);
        }

        return new GatewayHost(factory, folder, backend, key);
    }

    public string MintToken(string role = Roles.Tutor, string subject = "tutor-1", TimeSpan? lifetime = null) =>
        new AccessTokenFactory(Key, Jwt.Issuer!, Jwt.Audience!, TimeProvider.System)
            .Create(subject, role, lifetime ?? TimeSpan.FromMinutes(5));

    public async Task<HttpResponseMessage> GetAsync(string path, string? token, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A context of its own on the gateway's schema, for looking at what the gateway stored.</summary>
    public static GatewayDb CreateDb()
    {
        var options = new DbContextOptionsBuilder<GatewayDb>();
        options.UsePostgresSchema(DataSource, GatewayDb.Schema);
        return new GatewayDb(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _factory.DisposeAsync();
        await Backend.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private sealed class GatewayFactory(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name, value);
            }
        }
    }
}
