using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Repitbot.BotGateway.Tests.Support;

/// <summary>
/// The gateway's token endpoint, analytics' charts and areas, and notification's preferences, as the bot
/// gateway's HTTP clients see them: areas are what a test sets, preferences are stored and answered back
/// the way notification does (both quiet-hour bounds "" clear them). One instance serves every handler the
/// client factory builds; it holds nothing that disposing would release, so a rotated handler still answers.
/// </summary>
public sealed class FakeServices : HttpMessageHandler
{
    /// <summary>A 1×1 PNG: the stand-in reads the size of every photo.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>GET /api/v1/analytics/{area} answers, by area.</summary>
    public ConcurrentDictionary<string, JsonObject> Areas { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<Guid, JsonObject> Preferences { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/auth/token")
        {
            return Json(new JsonObject { ["access_token"] = "fake-service-token", ["expires_in"] = 3600 });
        }

        if (path.StartsWith("/api/v1/charts/", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Png) };
        }

        if (path.StartsWith("/api/v1/analytics/", StringComparison.Ordinal))
        {
            return Areas.TryGetValue(path["/api/v1/analytics/".Length..], out var area)
                ? Json(area)
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (path.StartsWith("/api/v1/preferences/", StringComparison.Ordinal) && Guid.TryParse(path["/api/v1/preferences/".Length..], out var userId))
        {
            var stored = Preferences.GetOrAdd(userId, _ => Defaults());
            if (request.Method == HttpMethod.Put)
            {
                var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
                lock (stored)
                {
                    foreach (var (name, value) in body)
                    {
                        stored[name] = value?.DeepClone();
                    }

                    if (stored["quietHoursFrom"]?.GetValue<string>() == "" && stored["quietHoursTo"]?.GetValue<string>() == "")
                    {
                        (stored["quietHoursFrom"], stored["quietHoursTo"]) = (null, null);
                    }
                }
            }

            lock (stored)
            {
                return Json(stored.DeepClone().AsObject());
            }
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static JsonObject Defaults() => new()
    {
        ["emailEnabled"] = true, ["telegramEnabled"] = true, ["optedOutTypes"] = new JsonArray(), ["locale"] = "ru",
        ["timeZone"] = "Europe/Moscow", ["quietHoursFrom"] = null, ["quietHoursTo"] = null, ["dailyDigest"] = false, ["digestHour"] = 18,
    };

    private static HttpResponseMessage Json(JsonObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
