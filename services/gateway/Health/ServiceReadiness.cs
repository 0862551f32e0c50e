using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Repitbot.Gateway.Routing;

namespace Repitbot.Gateway.Health;

/// <summary>Asks every service behind the gateway whether it is ready, all at once.</summary>
public sealed class ServiceReadiness(HttpClient http, IOptionsMonitor<ServicesOptions> services)
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
            using var response = await http.GetAsync(new Uri(new Uri(baseAddress), "/health/ready"), timeout.Token);
            return response.IsSuccessStatusCode
                ? new ServiceHealth(nameof(HealthStatus.Healthy), null)
                : new ServiceHealth(nameof(HealthStatus.Unhealthy), $"/health/ready answered {(int)response.StatusCode}");
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
}

public sealed record ServiceHealth(string Status, string? Description);
