using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>
/// A real HTTP service on a free loopback port that answers with what it received, and plays the bot
/// gateway's user lookup (<c>/api/v1/users/by-telegram/{id}</c>) from <see cref="TelegramUsers"/>.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private EchoBackend(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>Requests that reached the backend, readiness probes and user lookups excluded.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentDictionary<long, (Guid Id, string Role)> TelegramUsers { get; } = new();

    /// <summary>The Authorization header of each user lookup, in order.</summary>
    public ConcurrentQueue<string> LookupAuthorizations { get; } = new();

    /// <summary>When set, user lookups answer this status instead.</summary>
    public int? LookupStatus { get; set; }

    public static async Task<EchoBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var backend = new EchoBackend(builder.Build());
        backend._app.MapGet("/health/ready", () => Results.Ok());
        backend._app.MapGet("/api/v1/users/by-telegram/{id:long}", (long id, HttpRequest request) =>
        {
            backend.LookupAuthorizations.Enqueue(request.Headers.Authorization.ToString());
            return backend.LookupStatus is { } status ? Results.StatusCode(status)
                : backend.TelegramUsers.TryGetValue(id, out var user) ? Results.Json(new { id = user.Id, role = user.Role })
                : Results.NotFound();
        });
        backend._app.Map("/{**path}", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref backend._requests);
            var received = 0L;
            var buffer = new byte[81920];
            for (int read; (read = await request.Body.ReadAsync(buffer)) > 0;)
            {
                received += read;
            }

            return Results.Json(new Echo(
                request.Method,
                request.Path + request.QueryString,
                request.Headers.Authorization.ToString(),
                request.Headers["X-Correlation-Id"].ToString(),
                request.Headers["traceparent"].ToString(),
                received));
        });
        await backend._app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record Echo(string Method, string PathAndQuery, string Authorization, string CorrelationId, string TraceParent, long BodyBytes);
