using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Routing;

namespace Repitbot.Gateway.Health;

/// <summary>
/// Asks every service behind the gateway for its <c>/health/ready</c>, all at once, and reads the status
/// it reports: a service that answers 200 but calls itself Degraded is not counted as Healthy.
/// </summary>
public sealed class ServiceReadiness(IHttpClientFactory httpClients, IOptionsMonitor<ServicesOptions> services)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyDictionary<string, ServiceHealth>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var targets = services.CurrentValue.ByName();
        var results = await Task.WhenAll(targets.Select(t => CheckAsync(t.Address, cancellationToken)));
        return targets.Select((t, i) => (t.Name, Result: results[i])).ToDictionary(r => r.Name, r => r.Result);
    }

    private async Task<ServiceHealth> CheckAsync(string baseAddress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await httpClients.CreateClient(nameof(ServiceReadiness))
                .GetAsync(new Uri(new Uri(baseAddress), "/health/ready"), timeout.Token);
            var report = await ReadReportAsync(response, timeout.Token);
            var status = report?.Status ?? (response.IsSuccessStatusCode ? nameof(HealthStatus.Healthy) : nameof(HealthStatus.Unhealthy));
            return status == nameof(HealthStatus.Healthy)
                ? new ServiceHealth(status, null)
                : new ServiceHealth(status, Describe(report, (int)response.StatusCode));
        }
        catch (HttpRequestException ex)
        {
            return new ServiceHealth(nameof(HealthStatus.Unhealthy), $"unreachable: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceHealth(nameof(HealthStatus.Unhealthy), $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    private static async Task<ReadinessReport?> ReadReportAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var report = await response.Content.ReadFromJsonAsync<ReadinessReport>(cancellationToken);
            return report?.Status is nameof(HealthStatus.Healthy) or nameof(HealthStatus.Degraded) or nameof(HealthStatus.Unhealthy)
                ? report
                : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null; // Not the shared health writer's JSON: the status code alone decides.
        }
    }

    /// <summary>The checks that are not healthy, e.g. "postgres: Unhealthy (PostgreSQL: Failed to connect ...)".</summary>
    private static string Describe(ReadinessReport? report, int statusCode)
    {
        var failing = (report?.Checks ?? [])
            .Where(c => c.Value.Status != nameof(HealthStatus.Healthy))
            .Select(c => c.Value.Description is { Length: > 0 } d ? $"{c.Key}: {c.Value.Status} ({d})" : $"{c.Key}: {c.Value.Status}")
            .ToList();
        return failing.Count > 0 ? string.Join("; ", failing) : $"/health/ready answered {statusCode}";
    }

    private sealed record ReadinessReport(string? Status, Dictionary<string, ReadinessCheck>? Checks);

    private sealed record ReadinessCheck(string? Status, string? Description);
}

public sealed record ServiceHealth(string Status, string? Description);
