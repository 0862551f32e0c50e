using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace Repitbot.TestSupport.Faults;

/// <summary>
/// PostgreSQL and Redis behind a <see cref="TcpProxy"/> each, for a service host whose connection
/// strings <see cref="Apply"/> points at the proxies. Start the host with both open: a service refuses to
/// start without its dependencies.
/// </summary>
public sealed class FaultyDependencies : IAsyncDisposable
{
    private FaultyDependencies(TcpProxy postgres, TcpProxy redis)
    {
        Postgres = postgres;
        Redis = redis;
    }

    public TcpProxy Postgres { get; }

    public TcpProxy Redis { get; }

    public static FaultyDependencies Start(string service)
    {
        var settings = LocalEnvironment.For(service);
        var postgres = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings__Postgres"]);
        var redis = ConfigurationOptions.Parse(settings["ConnectionStrings__Redis"]);
        var (redisHost, redisPort) = redis.EndPoints[0] switch
        {
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            DnsEndPoint dns => (dns.Host, dns.Port),
            var other => throw new InvalidOperationException($"Unexpected Redis endpoint {other}."),
        };
        return new FaultyDependencies(TcpProxy.Start(postgres.Host!, postgres.Port), TcpProxy.Start(redisHost, redisPort));
    }

    /// <summary>Points <paramref name="builder"/>'s PostgreSQL and Redis settings at the proxies.</summary>
    public void Apply(IWebHostBuilder builder, string service)
    {
        foreach (var (key, value) in Settings(service))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary><paramref name="service"/>'s connection strings (configuration keys) with the proxies in place of the servers.</summary>
    public Dictionary<string, string?> Settings(string service)
    {
        var environment = LocalEnvironment.For(service);
        var settings = new Dictionary<string, string?>();
        if (environment.TryGetValue("ConnectionStrings__Postgres", out var postgresSetting))
        {
            settings["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(postgresSetting)
            {
                Host = "127.0.0.1",
                Port = Postgres.Port,
                // Opening a connection through a cut proxy fails at once; this only bounds a hung one.
                Timeout = 3,
            }.ConnectionString;
        }

        if (environment.TryGetValue("ConnectionStrings__Redis", out var redisSetting))
        {
            var redis = ConfigurationOptions.Parse(redisSetting);
            redis.EndPoints.Clear();
            redis.EndPoints.Add(IPAddress.Loopback, Redis.Port);
            // The client queues commands while it reconnects; these bound how long a request waits for that.
            redis.ConnectTimeout = 2000;
            redis.SyncTimeout = 2000;
            redis.AsyncTimeout = 2000;
            settings["ConnectionStrings:Redis"] = redis.ToString();
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Postgres.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
