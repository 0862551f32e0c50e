using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Hosting.Startup;
using Xunit;

namespace Repitbot.TestSupport;

/// <summary>
/// One service in-process against the real local infrastructure: its ./run.sh settings, its own
/// RabbitMQ virtual host, tokens from <see cref="Tokens"/>, and its migrations applied like at start.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private readonly string _service;
    private RabbitVirtualHost? _vhost;

    public ServiceFactory(string service) => _service = service;

    public TestTokens Tokens { get; } = new();

    public async Task InitializeAsync()
    {
        _vhost = await RabbitVirtualHost.CreateAsync();
        try
        {
            await Services.RunStartupTasksAsync(CancellationToken.None);
        }
        catch
        {
            // xUnit does not dispose a fixture that failed to start: the virtual host would be left behind.
            await ((IAsyncLifetime)this).DisposeAsync();
            throw;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = LocalEnvironment.For(_service);
        settings["RabbitMq__Uri"] = _vhost?.AmqpUri ?? throw new InvalidOperationException("InitializeAsync first.");
        foreach (var (key, value) in settings.AsConfiguration())
        {
            builder.UseSetting(key, value);
        }

        // Request-by-request information logs drown the test output; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(Tokens.Trust);
        ConfigureTestServices(builder);
    }

    protected virtual void ConfigureTestServices(IWebHostBuilder builder)
    {
    }
}
