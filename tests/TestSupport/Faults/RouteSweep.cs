using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Repitbot.TestSupport.Faults;

/// <summary>
/// Calls every route a service maps (route values filled with samples, bodies an empty JSON object), so a
/// test can say something about all of them at once: e.g. none answers 500 while a dependency is down.
/// </summary>
public static class RouteSweep
{
    public static IReadOnlyList<(string Method, string Path)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, Fill(e.RoutePattern))))
            .Where(r => r.method != "OPTIONS")
            .Distinct()
            .ToList();

    /// <summary>Sends one request per route and returns each route with its response.</summary>
    public static async Task<List<(string Route, HttpResponseMessage Response)>> CallAllAsync(IServiceProvider services, HttpClient client)
    {
        var results = new List<(string, HttpResponseMessage)>();
        foreach (var (method, path) in Routes(services))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            results.Add(($"{method} {path}", await client.SendAsync(request)));
        }

        return results;
    }

    /// <summary>The routes whose answer was a 5xx other than a 503 with problem details.</summary>
    public static async Task<List<string>> ServerErrorsAsync(IEnumerable<(string Route, HttpResponseMessage Response)> results)
    {
        var wrong = new List<string>();
        foreach (var (route, response) in results)
        {
            var status = (int)response.StatusCode;
            var healthProbe = route.Contains(" /health", StringComparison.Ordinal);
            if (status < 500 || (healthProbe && response.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                continue; // A readiness probe reports an outage with 503 and its own JSON, by design.
            }

            // Retry-After is not demanded here: a feature switched off by configuration (the gateway's
            // /auth/telegram without a bot token) is a 503 too, with nothing to wait for.
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{route} answered {status} {response.Content.Headers.ContentType?.MediaType}: "
                    + Truncate(await response.Content.ReadAsStringAsync()));
            }
        }

        return wrong;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string Fill(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Sample(parameter),
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Sample(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("guid") ? Guid.NewGuid().ToString()
            : constraints.Any(c => c is "int" or "long") ? "1"
            : "x";
    }
}
