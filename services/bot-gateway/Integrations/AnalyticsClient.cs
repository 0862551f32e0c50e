using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

    /// <summary>POST /api/v1/reports — starts a full report; the job's path (its Location).</summary>
    public async Task<string> StartFullReportAsync(DateOnly from, DateOnly to, string locale, Guid tutorId,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/reports", JsonContent.Create(new
        {
            from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            format = "pdf", locale, tutorId,
        }), cancellationToken);
        return response.Headers.Location?.OriginalString
            ?? throw new ServiceUnavailableException("Analytics started a report without a Location.");
    }

    /// <summary>GET /api/v1/reports/{id} — the job's status and progress.</summary>
    public async Task<ReportJobStatus> ReportStatusAsync(string job, CancellationToken cancellationToken)
    {
        var body = await GetBytesAsync(job, cancellationToken);
        return JsonSerializer.Deserialize<ReportJobStatus>(body, JsonSerializerOptions.Web)
            ?? throw new ServiceUnavailableException($"Analytics answered an empty status for {job}.");
    }

    /// <summary>GET /api/v1/reports/{id}/file — the finished report.</summary>
    public Task<byte[]> ReportFileAsync(string job, CancellationToken cancellationToken) =>
        GetBytesAsync(job + "/file", cancellationToken);

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content,
        CancellationToken cancellationToken)
    {
        if (urls.Value.Analytics is not { Length: > 0 } baseUrl)
        {
            throw new ServiceUnavailableException("Services__Analytics is not set.");
        }

        try
        {
            using var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path)) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
            var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            response.Dispose();
            throw new ServiceUnavailableException($"Analytics answered {(int)response.StatusCode} to {path}.");
        }
        catch (HttpRequestException ex)
        {
            throw new ServiceUnavailableException("Analytics is not reachable.", ex);
        }
    }
}

/// <summary>What GET /api/v1/reports/{id} says of a full-report job.</summary>
public sealed record ReportJobStatus(string Status, int ProgressPercent, string? Error);
