using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Repitbot.BotGateway.Integrations;

/// <summary>The notification service's preferences and test notification, called with a service token.</summary>
public sealed class NotificationClient(HttpClient http, ServiceTokens tokens, IOptions<ServiceUrls> urls)
{
    public async Task<JsonObject> GetPreferencesAsync(Guid userId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/preferences/{userId}", null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
    }

    /// <summary>Stores the preferences; what the service answered it stored (null if it answered no body).</summary>
    public async Task<JsonObject?> PutPreferencesAsync(Guid userId, JsonObject preferences, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/preferences/{userId}", JsonContent.Create(preferences), cancellationToken);
        return response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }

    public async Task SendTestAsync(Guid userId, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/notifications/test", JsonContent.Create(new { userId }), cancellationToken)).Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken)
    {
        if (urls.Value.Notification is not { Length: > 0 } baseUrl)
        {
            throw new ServiceUnavailableException("Services__Notification is not set.");
        }

        try
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path)) { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
            var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new ServiceUnavailableException($"Notification answered {(int)response.StatusCode} to {path}.");
            }

            return response;
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException("Notification is not reachable.", ex);
        }
    }
}
