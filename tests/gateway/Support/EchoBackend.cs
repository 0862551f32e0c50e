using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>A real HTTP service on a free loopback port that answers with what it received.</summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private EchoBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>Requests that reached the backend, readiness probes excluded.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<EchoBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var backend = new EchoBackend(builder.Build());
        backend._app.MapGet("/health/ready", () => Results.Ok());
        backend._app.Map("/{**path}", (HttpRequest request) =>
        {
            Interlocked.Increment(ref backend._requests);
            return Results.Json(new Echo(
                request.Method,
                request.Path + request.QueryString,
                request.Headers.Authorization.ToString(),
                request.Headers["X-Correlation-Id"].ToString(),
                request.Headers["traceparent"].ToString()));
        });
        await backend._app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record Echo(string Method, string PathAndQuery, string Authorization, string CorrelationId, string TraceParent);
