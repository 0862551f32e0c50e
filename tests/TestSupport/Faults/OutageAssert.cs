using System.Net;
using System.Text.Json;
using Xunit;

namespace Repitbot.TestSupport.Faults;

/// <summary>What a client must see while a dependency is down.</summary>
public static class OutageAssert
{
    public static async Task DependencyUnavailableAsync(HttpResponseMessage response, string dependency, string route)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{route}: expected 503, got {(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{route}: no Retry-After in seconds.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("A dependency is unavailable.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(dependency, problem.RootElement.GetProperty("dependency").GetString());
        Assert.Contains(dependency, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Nothing about where the dependency is or how we log in to it.
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
