using System.Net;
using System.Net.Http.Headers;
using Repitbot.LoadTester.Engine;

namespace Repitbot.LoadTester.Support;

/// <summary>HTTP clients for load: many pooled connections, no client-side limit below the scenario's concurrency.</summary>
public static class HttpTargets
{
    public static HttpClient Create(string baseUrl, string? token, int concurrency)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(concurrency, 1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Fails with one clear line when nothing listens at <paramref name="baseUrl"/>.</summary>
    public static async Task ProbeAsync(string name, string baseUrl, CancellationToken cancellationToken)
    {
        using var client = Create(baseUrl, null, 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await client.GetAsync(new Uri("health/live", UriKind.Relative), timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            throw new TargetUnreachableException(name, baseUrl, ErrorKinds.For(ex).Replace('_', ' '));
        }
    }

    /// <summary>The outcome of a response: success for 2xx, else its status as the error kind.</summary>
    public static Outcome OutcomeOf(string operation, HttpResponseMessage response) => response.IsSuccessStatusCode
        ? Outcome.Ok(operation)
        : Outcome.Failed(operation, ErrorKinds.ForStatus(response.StatusCode));
}
