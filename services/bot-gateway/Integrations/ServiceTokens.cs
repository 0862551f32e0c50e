using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Repitbot.BotGateway.Integrations;

/// <summary>
/// A service token from the gateway (<c>POST {Auth__TokenUrl}</c>, form grant_type=client_credentials,
/// client_id, client_secret), cached until shortly before it expires.
/// </summary>
public sealed class ServiceTokens(IHttpClientFactory clients, IOptions<ServiceAuthOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "service-auth";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            throw new ServiceUnavailableException("Auth__TokenUrl, Auth__ClientId and Auth__ClientSecret are not set.");
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && cached.ExpiresAt > clock.GetUtcNow())
            {
                return cached.Token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = settings.ClientId!, ["client_secret"] = settings.ClientSecret!,
            });
            using var response = await clients.CreateClient(HttpClientName).PostAsync(new Uri(settings.TokenUrl!), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceUnavailableException($"The gateway refused a service token ({(int)response.StatusCode}).");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new ServiceUnavailableException("The gateway answered an empty token.");
            _cached = (token.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(0, token.ExpiresIn - 30)));
            return token.AccessToken;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>Another service could not be asked: not configured, not answering, or refusing us.</summary>
public sealed class ServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
