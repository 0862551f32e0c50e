using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Repitbot.BotGateway.Integrations;

/// <summary>The analytics service's charts and quick reports, called with a service token for one tutor.</summary>
public sealed class AnalyticsClient(HttpClient http, ServiceTokens tokens, IOptions<ServiceUrls> urls)
{
    /// <summary>GET /api/v1/charts/{type}?days=&amp;format=png&amp;tutorId=.</summary>
    public Task<byte[]> ChartPngAsync(string type, int days, Guid tutorId, CancellationToken cancellationToken) =>
        GetBytesAsync($"/api/v1/charts/{type}?days={days}&format=png&tutorId={tutorId}", cancellationToken);

    /// <summary>GET /api/v1/reports/quick/{lesson|payment|student}?days=&amp;format=pdf&amp;tutorId=.</summary>
    public Task<byte[]> QuickReportPdfAsync(string kind, int days, Guid tutorId, CancellationToken cancellationToken) =>
        GetBytesAsync($"/api/v1/reports/quick/{kind}?days={days.ToString(CultureInfo.InvariantCulture)}&format=pdf&tutorId={tutorId}",
            cancellationToken);

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        if (urls.Value.Analytics is not { Length: > 0 } baseUrl)
        {
            throw new ServiceUnavailableException("Services__Analytics is not set.");
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(baseUrl), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadAsByteArrayAsync(cancellationToken)
                : throw new ServiceUnavailableException($"Analytics answered {(int)response.StatusCode} to {path}.");
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException("Analytics is not reachable.", ex);
        }
    }
}
