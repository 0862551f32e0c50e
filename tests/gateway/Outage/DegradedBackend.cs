using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.Gateway.Tests.Outage;

/// <summary>
/// A service that still answers its readiness probe 200 but reports itself Degraded, exactly as the shared
/// health writer does (ASP.NET Core answers Degraded with 200 by default).
/// </summary>
public sealed class DegradedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DegradedBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public static async Task<DegradedBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Text(
            """{"status":"Degraded","checks":{"postgres":{"status":"Healthy","description":null},"worker":{"status":"Degraded","description":"stalled for 90 s"}}}""",
            "application/json"));
        await app.StartAsync();
        return new DegradedBackend(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
