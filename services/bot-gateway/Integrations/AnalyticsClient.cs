using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Repitbot.BotGateway.Integrations;

/// <summary>The analytics service's charts and quick reports, called with a service token for one tutor.</summary>
public sealed class AnalyticsClient(HttpClient http, ServiceTokens tokens, IOptions<ServiceUrls> urls)
{
    /// <summary>GET /api/v1/charts/{type}?days=&amp;format=png&amp;locale=&amp;tutorId=.</summary>
    public Task<byte[]> ChartPngAsync(string type, int days, string locale, Guid tutorId, CancellationToken cancellationToken) =>
        GetBytesAsync(FormattableString.Invariant($"/api/v1/charts/{type}?days={days}&format=png&locale={locale}&tutorId={tutorId}"),
            cancellationToken);

    /// <summary>GET /api/v1/reports/quick/{lesson|payment|student}?days=&amp;format=pdf&amp;locale=&amp;tutorId=.</summary>
    public Task<byte[]> QuickReportPdfAsync(string kind, int days, string locale, Guid tutorId, CancellationToken cancellationToken) =>
        GetBytesAsync(FormattableString.Invariant($"/api/v1/reports/quick/{kind}?days={days}&format=pdf&locale={locale}&tutorId={tutorId}"),
            cancellationToken);

    /// <summary>GET /api/v1/analytics/{area}?from=&amp;to=&amp;tutorId= — the numbers behind a chart's caption.</summary>
    public async Task<JsonObject> AreaAsync(string area, int days, DateOnly today, Guid tutorId, CancellationToken cancellationToken)
    {
        var from = today.AddDays(1 - days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = await GetBytesAsync($"/api/v1/analytics/{area}?from={from}&to={to}&tutorId={tutorId}", cancellationToken);
        return JsonNode.Parse(body) as JsonObject ?? [];
    }

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
