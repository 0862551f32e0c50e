using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Repitbot.TelegramStub.Api;
using Repitbot.TelegramStub.Control;
using Repitbot.TelegramStub.State;
using Repitbot.TelegramStub.Updates;

namespace Repitbot.TelegramStub;

/// <summary>
/// The stub running in-process on 127.0.0.1 and a free port. Point Telegram.Bot at it with
/// <c>new TelegramBotClientOptions(server.Token, server.BaseUrl)</c>; drive it with the inherited <see cref="StubControl"/> methods.
/// </summary>
public sealed class TelegramStubServer : StubControl, IAsyncDisposable
{
    private readonly WebApplication app;

    private TelegramStubServer(WebApplication app, string baseUrl, TelegramStubOptions options)
        : base(app.Services.GetRequiredService<StubState>(), options.Tokens.FirstOrDefault() ?? TelegramStubOptions.DefaultToken)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public static async Task<TelegramStubServer> StartAsync(TelegramStubOptions? options = null, CancellationToken ct = default)
    {
        options ??= new TelegramStubOptions();
        var app = Build(["--urls", "http://127.0.0.1:0"], options);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TelegramStubServer(app, address.TrimEnd('/'), options);
    }

    /// <summary>The application; options come from configuration ("TelegramStub" section) unless given.</summary>
    public static WebApplication Build(string[] args, TelegramStubOptions? configure)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 60 * 1024 * 1024);
        if (configure is null)
        {
            builder.Services.AddOptions<TelegramStubOptions>().BindConfiguration(TelegramStubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        }
        else
        {
            builder.Services.AddSingleton(Options.Create(configure));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddSingleton(sp => new StubState(sp.GetRequiredService<IOptions<TelegramStubOptions>>().Value));
        builder.Services.AddSingleton(sp =>
        {
            var state = sp.GetRequiredService<StubState>();
            return new StubControl(state, state.Options.Tokens.FirstOrDefault() ?? TelegramStubOptions.DefaultToken);
        });
        builder.Services.AddHttpClient(nameof(WebhookSender), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<WebhookSender>();
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = 60 * 1024 * 1024);

        var app = builder.Build();
        app.MapBotApi();
        app.MapControlApi();
        // Lets scripts that start the suite (deploy/local/lib/services.sh) wait for it like for a service.
        app.MapGet("/health/ready", () => TypedResults.Text("ready"));
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
